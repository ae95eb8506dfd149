package com.huntaze.audit.services.sns;

/** An SNS topic of a region, from ListTopics. */
public record SnsTopic(String name, String arn) {

    /** The name of a topic from its ARN ({@code arn:aws:sns:REGION:ACCOUNT:NAME}). */
    public static String nameOf(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf(':') + 1);
    }
}
