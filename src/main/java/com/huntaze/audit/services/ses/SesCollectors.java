package com.huntaze.audit.services.ses;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.DkimAttributes;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.IdentityInfo;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendQuota;

/**
 * SES: the region's account settings (SESv2 GetAccount), and its identities: ListEmailIdentities (1000 per page,
 * its maximum), then GetEmailIdentity per identity for the sending and DKIM status the list does not carry.
 */
final class SesCollectors {
    private SesCollectors() {
    }

    static final DatasetCollector<SesAccount> ACCOUNT = new DatasetCollector<>() {
        @Override
        public Dataset<SesAccount> dataset() {
            return SesDatasets.ACCOUNT;
        }

        @Override
        public List<String> actions() {
            return List.of("ses:GetAccount");
        }

        @Override
        public SesAccount collect(CollectionContext context) {
            GetAccountResponse account = call("ses:GetAccount", () -> context.client("ses", SesV2Client::builder).getAccount(r -> { }));
            SendQuota quota = account.sendQuota();
            return new SesAccount(
                    Boolean.TRUE.equals(account.productionAccessEnabled()),
                    Boolean.TRUE.equals(account.sendingEnabled()),
                    account.enforcementStatus(),
                    quota == null || quota.max24HourSend() == null ? 0 : quota.max24HourSend(),
                    quota == null || quota.maxSendRate() == null ? 0 : quota.maxSendRate(),
                    quota == null || quota.sentLast24Hours() == null ? 0 : quota.sentLast24Hours());
        }
    };

    static final int IDENTITIES_PAGE_SIZE = 1000;

    static final DatasetCollector<List<SesIdentity>> EMAIL_IDENTITIES = new DatasetCollector<>() {
        @Override
        public Dataset<List<SesIdentity>> dataset() {
            return SesDatasets.EMAIL_IDENTITIES;
        }

        @Override
        public List<String> actions() {
            return List.of("ses:GetEmailIdentity", "ses:ListEmailIdentities");
        }

        @Override
        public List<SesIdentity> collect(CollectionContext context) {
            SesV2Client ses = context.client("ses", SesV2Client::builder);
            List<IdentityInfo> listed = call("ses:ListEmailIdentities", () -> ses
                    .listEmailIdentitiesPaginator(r -> r.pageSize(IDENTITIES_PAGE_SIZE)).stream()
                    .flatMap(page -> page.emailIdentities().stream()).toList());
            return context.forEach(listed, info -> call("ses:GetEmailIdentity", () -> {
                try {
                    return identity(info, ses.getEmailIdentity(r -> r.emailIdentity(info.identityName())));
                } catch (NotFoundException deletedSinceListed) {
                    return null;
                }
            })).stream().filter(Objects::nonNull).toList();
        }
    };

    private static SesIdentity identity(IdentityInfo info, GetEmailIdentityResponse identity) {
        DkimAttributes dkim = identity.dkimAttributes();
        return new SesIdentity(
                info.identityName(),
                identity.identityTypeAsString() != null ? identity.identityTypeAsString() : info.identityTypeAsString(),
                Boolean.TRUE.equals(identity.verifiedForSendingStatus()),
                identity.verificationStatusAsString(),
                dkim == null ? null : dkim.statusAsString(),
                dkim != null && Boolean.TRUE.equals(dkim.signingEnabled()));
    }
}
