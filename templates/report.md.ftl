<#-- The Markdown report. Every cell arrives escaped (one line, pipes escaped) from MarkdownReport. -->
# Launch-readiness audit — account ${account}

Regions: ${regions} · Generated ${generatedAt} by ${toolName} ${toolVersion}

**Summary:** ❌ ${nok} NOK · ⚠️ ${todo} TODO · ✅ ${ok} OK · Estimated savings: **${totalSavings}/month**

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
- [ ] **${t.title}** (`${t.check}`, ${t.resource}, ${t.region}): ${t.message}<#if t.action?has_content> ${t.action}</#if><#if t.verify?has_content>
  Verify: `${t.verify}`</#if><#list t.steps as step>
  ${step}</#list>
</#list>
<#else>
Nothing: every check could be verified through the API.
</#if>

<sub>Estimates are on-demand list prices at 730 hours a month<#if prices?has_content>, from the ${prices} (see PriceSource in each finding's evidence)</#if>. Read-only audit: ${toolName} only calls Describe, List and Get operations.</sub>
