package com.huntaze.audit.checks;

import com.huntaze.audit.engine.Threshold;
import java.math.BigDecimal;

/** What the idle-resource checks (RDS, ElastiCache, load balancers) share. */
public final class Idle {
    private Idle() {
    }

    /** {@code --idle-days}: how far back the idle checks read CloudWatch metrics. */
    public static final Threshold DAYS = new Threshold("idleDays", 7,
            "Days of CloudWatch metrics the idle-resource checks look at");

    /** {@code $0.068}: a price as the table has it, without trailing zeros, for an estimate's evidence. */
    public static String usd(double amount) {
        return "$" + BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }
}
