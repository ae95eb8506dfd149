package com.huntaze.audit.services.amplify;

/**
 * An environment variable of an Amplify app or branch: its name only. ListApps and ListBranches return the values;
 * the collector drops them before this record is built.
 *
 * @param name        the variable's name
 * @param maskedKeyId when the value contains something shaped like an AWS access key id ({@code AKIA} or
 *                    {@code ASIA} and 16 upper-case letters or digits), that key id masked ({@code AKIA…WXYZ}); else
 *                    null
 */
public record AmplifyVariable(String name, String maskedKeyId) {
}
