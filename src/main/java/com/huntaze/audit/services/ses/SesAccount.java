package com.huntaze.audit.services.ses;

/** The SES account settings of one region, from SESv2 GetAccount. */
public record SesAccount(
        boolean productionAccessEnabled,
        boolean sendingEnabled,
        String enforcementStatus,
        double max24HourSend,
        double maxSendRate,
        double sentLast24Hours) {
}
