package com.huntaze.audit.services.cloudwatch;

import java.util.List;

/**
 * A CloudWatch composite alarm, from DescribeAlarms: it fires on a rule over other alarms
 * ({@code ALARM("cpu-high") OR ALARM("errors")}) and may notify on their behalf.
 */
public record CompositeAlarm(String name, String arn, String alarmRule, boolean actionsEnabled,
                             List<String> alarmActions, String stateValue) {

    public CompositeAlarm {
        alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
    }
}
