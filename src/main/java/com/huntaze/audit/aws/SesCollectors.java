package com.huntaze.audit.aws;

import static com.huntaze.audit.aws.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Datasets;
import com.huntaze.audit.inventory.model.SesAccount;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.SendQuota;

/** SES: the region's account settings, from SESv2 GetAccount. */
final class SesCollectors {
    private SesCollectors() {
    }

    static final DatasetCollector<SesAccount> ACCOUNT = new DatasetCollector<>() {
        @Override
        public Dataset<SesAccount> dataset() {
            return Datasets.SES_ACCOUNT;
        }

        @Override
        public SesAccount collect(CollectionContext context) {
            GetAccountResponse account = call("ses:GetAccount", () -> context.aws().sesv2(context.region()).getAccount(r -> { }));
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
}
