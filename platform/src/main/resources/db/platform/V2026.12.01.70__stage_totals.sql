-- Running totals of each run's progress deltas per stage (ProgressLedger), in every service that folds a funnel.
create table stage_totals (complete boolean not null, completionTokens bigint not null, itemsIn bigint not null, itemsOut bigint not null, llmCalls bigint not null, promptTokens bigint not null, version bigint not null, stage varchar(40) not null, runId varchar(100) not null, id varchar(200) not null, droppedJson ${text} not null, modesJson ${text} not null, primary key (id));
create index stage_totals_run on stage_totals (runId);
