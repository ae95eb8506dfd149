package com.huntaze.audit.services.elbv2;

import java.util.List;

/**
 * One default action of a listener.
 *
 * @param type             {@code forward}, {@code redirect}, {@code fixed-response}, {@code authenticate-oidc}, ...
 * @param redirectProtocol for a redirect: its target protocol ({@code HTTPS}, {@code HTTP}, or {@code #{protocol}}
 *                         to keep the request's); null otherwise
 * @param targetGroupArns  for a forward: the target groups it sends to (TargetGroupArn and ForwardConfig's groups)
 */
public record ListenerAction(String type, String redirectProtocol, List<String> targetGroupArns) {

    public ListenerAction {
        targetGroupArns = targetGroupArns == null ? List.of() : List.copyOf(targetGroupArns);
    }
}
