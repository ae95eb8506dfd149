package com.huntaze.audit.collection;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;

/** The accounts of the AWS Organization of the base identity, read with {@code organizations:ListAccounts}. */
public final class OrganizationAccounts {
    private OrganizationAccounts() {
    }

    /** The IAM action: the one read of Organizations a base identity makes. */
    public static final String LIST_ACCOUNTS = "organizations:ListAccounts";

    /**
     * The ACTIVE accounts (every page), id → name, sorted by id. Organizations has one endpoint per partition,
     * reached through the global client region as IAM is.
     *
     * @throws AwsCallException when ListAccounts fails (not the management or a delegated administrator account,
     *                          or the action is not granted)
     */
    public static Map<String, String> active(AwsSession base) {
        OrganizationsClient organizations = base.client("organizations", AwsSession.GLOBAL_CLIENT_REGION,
                OrganizationsClient::builder);
        return AwsCalls.call(LIST_ACCOUNTS, () -> {
            Map<String, String> active = new TreeMap<>();
            for (var page : organizations.listAccountsPaginator(ListAccountsRequest.builder().build())) {
                for (Account account : page.accounts()) {
                    if (isActive(account)) {
                        active.put(account.id(), account.name());
                    }
                }
            }
            return active;
        });
    }

    /** {@code State} (since 2025) when answered, else the older {@code Status}. */
    private static boolean isActive(Account account) {
        if (account.state() != null && account.state() != AccountState.UNKNOWN_TO_SDK_VERSION) {
            return account.state() == AccountState.ACTIVE;
        }
        return account.status() == AccountStatus.ACTIVE;
    }
}
