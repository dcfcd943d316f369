-- What each online DPO round's policy calls cost: the spend its samples carry (ResponseSampled.policySpend), added up
-- once per sample with the round's other tallies. Rounds from before this release start at 0.
alter table export_round add column llmCalls bigint default 0 not null;
alter table export_round add column promptTokens bigint default 0 not null;
alter table export_round add column completionTokens bigint default 0 not null;
alter table export_round add column cacheHits bigint default 0 not null;
alter table export_round add column costMicroUsd bigint default 0 not null;
alter table export_round add column savedMicroUsd bigint default 0 not null;
alter table export_round add column unknownPriceCalls bigint default 0 not null;
