package com.huntaze.audit.services.ses;

import static com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate.ABOVE;

import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code cloudwatch.alarm-coverage} judges of SES: each region with production access ({@code sesAccount}), an
 * account-level resource (empty id, no dimension) that needs alarms on its reputation. A region in the sandbox sends
 * only to verified addresses ({@code ses.production-access} says so): not judged.
 */
final class SesAlarmCoverage {
    private SesAlarmCoverage() {
    }

    /**
     * SES puts an account under review at a 5% bounce rate or a 0.1% complaint rate: alarm there, before sending is
     * paused. SES publishes no reputation datapoint while nothing is sent: missing data is the good case.
     */
    static final AlarmCoverageTarget ACCOUNT = new AlarmCoverageTarget("sesAccount", "AWS/SES",
            Set.of(SesDatasets.ACCOUNT),
            List.of(List.of("Reputation.BounceRate"), List.of("Reputation.ComplaintRate")),
            Map.of("Reputation.BounceRate", new AlarmTemplate("--statistic Maximum", 3600, 1, "0.05", ABOVE, true),
                    "Reputation.ComplaintRate", new AlarmTemplate("--statistic Maximum", 3600, 1, "0.001", ABOVE,
                            true)),
            ctx -> ctx.get(SesDatasets.ACCOUNT).productionAccessEnabled()
                    ? List.of(Resource.of("AWS::SES::Account", "", null, Map.of()))
                    : List.of());
}
