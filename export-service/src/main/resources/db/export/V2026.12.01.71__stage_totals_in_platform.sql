-- export's running totals moved into the platform's stage_totals (ProgressLedger keeps them for every service).
insert into stage_totals (id, runId, stage, itemsIn, itemsOut, llmCalls, promptTokens, completionTokens, complete, droppedJson, modesJson, version)
  select runId || '/' || stage, runId, stage, itemsIn, itemsOut, llmCalls, promptTokens, completionTokens, complete, droppedJson, '{}', 0
  from export_stage_totals;
drop table export_stage_totals;
drop sequence export_stage_totals_SEQ;
