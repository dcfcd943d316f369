package dev.autoif.export.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files an exported folder holds, one per trainer format, under fixed names: {@code dataset_info.json}
 * (LLaMA-Factory) and the dataset card's {@code configs} (Hugging Face {@code datasets}) point at these names, and
 * {@code deploy/local/run.sh} writes them. Each has a train file and, when a validation share is exported, a
 * validation file beside it.
 */
public enum TrainerFile {
    SFT_MESSAGES("sft_messages", "sft?format=messages", "sft", "TRL `SFTTrainer`, OpenAI chat fine-tuning"),
    SFT_ALPACA("sft_alpaca", "sft?format=alpaca", "sft_alpaca", "LLaMA-Factory `autoif_sft` (alpaca)"),
    SFT_SHAREGPT("sft_sharegpt", "sft?format=sharegpt", "sft_sharegpt",
            "LLaMA-Factory `autoif_sft_sharegpt`, FastChat"),
    DPO_TRL("dpo_trl", "dpo?format=trl", "dpo", "TRL `DPOTrainer` (standard)"),
    DPO_TRL_CONVERSATIONAL("dpo_trl_conversational", "dpo?format=trl-conversational", "dpo_conversational",
            "TRL `DPOTrainer` (conversational: the chat template applies)"),
    DPO_PAIRWISE("dpo_pairwise", "dpo?format=llama-factory", "dpo_pairwise",
            "LLaMA-Factory `autoif_dpo` (pairwise, `ranking: true`)"),
    RLVR("rlvr", "rlvr", "rlvr", "open-instruct RLVR (`messages`, `ground_truth`, `dataset`)");

    private final String base;
    private final String request;
    private final String config;
    private final String trainer;

    TrainerFile(String base, String request, String config, String trainer) {
        this.base = base;
        this.request = request;
        this.config = config;
        this.trainer = trainer;
    }

    public String fileName(Split.Part part) {
        return base + (part == Split.Part.VALIDATION ? "_validation" : "") + ".jsonl";
    }

    /** The export request (relative to {@code /runs/RUN/export/}) that writes this file. */
    public String request(double validation, long seed, Split.Part part) {
        return request + (validation > 0 ? (request.contains("?") ? "&" : "?") + "validation=" + validation + "&seed=" + seed + "&split=" + part.param()
                : "");
    }

    public String config() {
        return config;
    }

    public String trainer() {
        return trainer;
    }

    public static List<Split.Part> parts(double validation) {
        return validation > 0 ? List.of(Split.Part.TRAIN, Split.Part.VALIDATION) : List.of(Split.Part.TRAIN);
    }

    /**
     * LLaMA-Factory's {@code dataset_info.json} for the folder: {@code autoif_sft} (alpaca), {@code autoif_sft_sharegpt},
     * {@code autoif_sft_messages} and {@code autoif_dpo} (pairwise), each with a {@code _validation} twin when a
     * validation share is exported (LLaMA-Factory takes it as {@code eval_dataset}).
     */
    public static Map<String, Object> datasetInfo(double validation) {
        Map<String, Object> info = new LinkedHashMap<>();
        for (Split.Part part : parts(validation)) {
            String suffix = part == Split.Part.VALIDATION ? "_validation" : "";
            info.put("autoif_sft" + suffix, ordered("file_name", SFT_ALPACA.fileName(part),
                    "columns", ordered("prompt", "instruction", "query", "input", "response", "output")));
            info.put("autoif_sft_sharegpt" + suffix, ordered("file_name", SFT_SHAREGPT.fileName(part),
                    "formatting", "sharegpt", "columns", Map.of("messages", "conversations")));
            info.put("autoif_sft_messages" + suffix, ordered("file_name", SFT_MESSAGES.fileName(part),
                    "formatting", "sharegpt", "columns", Map.of("messages", "messages"),
                    "tags", ordered("role_tag", "role", "content_tag", "content", "user_tag", "user",
                            "assistant_tag", "assistant")));
            info.put("autoif_dpo" + suffix, ordered("file_name", DPO_PAIRWISE.fileName(part), "ranking", true,
                    "columns", ordered("prompt", "instruction", "query", "input", "chosen", "chosen",
                            "rejected", "rejected")));
        }
        return info;
    }

    /** The card's YAML {@code configs}: one per file, {@code sft} the default, with its splits' files. */
    public static String configsYaml(double validation) {
        StringBuilder b = new StringBuilder("configs:\n");
        for (TrainerFile f : values()) {
            b.append("- config_name: ").append(f.config).append('\n');
            if (f == SFT_MESSAGES) {
                b.append("  default: true\n");
            }
            b.append("  data_files:\n");
            for (Split.Part part : parts(validation)) {
                b.append("  - split: ").append(part.param()).append('\n');
                b.append("    path: ").append(f.fileName(part)).append('\n');
            }
        }
        return b.toString();
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
