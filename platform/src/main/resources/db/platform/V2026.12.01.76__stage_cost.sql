-- LLM spend per run and stage (StageProgress.costMicroUsd and friends): millionths of a US dollar; calls of unknown price apart.
alter table stage_totals add column costMicroUsd bigint default 0 not null;
alter table stage_totals add column savedMicroUsd bigint default 0 not null;
alter table stage_totals add column unknownPriceCalls bigint default 0 not null;
