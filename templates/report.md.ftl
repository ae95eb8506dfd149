<#-- The Markdown report. Every cell arrives escaped (one line, pipes escaped) from MarkdownReport. -->
# Launch-readiness audit — <#if account??>account ${account}<#else>repositories only (no AWS account read)</#if>

<#if regions?has_content>Regions: ${regions} · </#if>Generated ${generatedAt} by ${toolName} ${toolVersion}

**Summary:** ❌ ${nok} NOK · ⚠️ ${todo} TODO · ✅ ${ok} OK · Estimated savings: **${totalSavings}/month**<#if accepted gt 0> · Accepted risks: ${accepted}</#if>

<#if repositories?has_content>
## Infrastructure code found

<#list repositories as repo>
**${repo.name}** (`${repo.path}`, ${repo.head}; not read as text: ${repo.skipped})

<#if repo.rows?has_content>
| Kind | Files |
|---|---|
<#list repo.rows as r>
| ${r.kind} | ${r.files} |
</#list>
<#else>
No infrastructure code.
</#if>

</#list>
</#if>
<#if baseline?has_content>
## New since baseline

Compared with the report generated ${baseline}.

<#if newRows?has_content>
| Status | Check | Resource | Region | Action |
|---|---|---|---|---|
<#list newRows as r>
| ${r.badge} | `${r.check}` | ${r.resource} | ${r.region} | ${r.action} |
</#list>
<#else>
No new NOK or TODO finding.
</#if>

## Resolved since baseline

<#if resolvedRows?has_content>
| Was | Check | Resource | Region | Now | What was wrong |
|---|---|---|---|---|---|
<#list resolvedRows as r>
| ${r.was} | `${r.check}` | ${r.resource} | ${r.region} | ${r.now} | ${r.message} |
</#list>
<#else>
Nothing resolved.
</#if>

</#if>
<#if missingPermissions?has_content>
## Missing permissions

The audit role was denied these actions, so the checks that need them are TODO. Grant them (all are read-only) and run again:

```json
{"Effect": "Allow", "Action": [<#list missingPermissions as p>"${p}"<#sep>, </#list>], "Resource": "*"}
```

</#if>
<#if otherErrors?has_content>
## Collection errors

<#list otherErrors as e>
- ${e}
</#list>

</#if>
<#list sections as section>
## ${section.title}

| Status | Check | Resource | Region | Evidence | Action |
|---|---|---|---|---|---|
<#list section.rows as r>
| ${r.badge} | `${r.check}` | ${r.resource} | ${r.region} | ${r.evidence} | ${r.action} |
</#list>

</#list>
<#if hasSuppressions || acceptedRows?has_content>
## Accepted risks

<#if acceptedRows?has_content>
These findings keep their status but do not fail the run: each was accepted, with a reason, until a date.

| Status | Check | Resource | Region | Reason | Accepted by | Until |
|---|---|---|---|---|---|---|
<#list acceptedRows as r>
| ${r.badge} | `${r.check}` | ${r.resource} | ${r.region} | ${r.reason} | ${r.by} | ${r.expires} |
</#list>
<#else>
None: no suppression applies to a finding of this run.
</#if>

</#if>
<#if review?has_content>
## Suppressions to review

<#list review as item>
- ${item}
</#list>

</#if>
## Savings

<#if savings?has_content>
| Resource | Region | Why | Est. $/month |
|---|---|---|---:|
<#list savings as s>
| ${s.resource} | ${s.region} | ${s.why} | ${s.amount} |
</#list>
| **Total** | | | **${totalSavings}** |
<#else>
No idle or orphaned resource with a cost was found.
</#if>

## To verify by hand

<#if byHand?has_content>
<#list byHand as t>
- [ ] **${t.title}** (`${t.check}`, ${t.resource}, ${t.region}): ${t.message}<#if t.action?has_content> ${t.action}</#if><#if t.accepted?has_content> ${t.accepted}</#if><#if t.verify?has_content>
  Verify: `${t.verify}`</#if><#list t.steps as step>
  ${step}</#list>
</#list>
<#else>
Nothing: every check could be verified through the API.
</#if>

<sub>Estimates are on-demand list prices at 730 hours a month<#if prices?has_content>, from the ${prices} (see PriceSource in each finding's evidence)</#if>. Read-only audit: ${toolName} only calls Describe, List and Get operations.</sub>
