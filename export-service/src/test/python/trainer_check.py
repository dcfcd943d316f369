#!/usr/bin/env python3
"""Loads an exported autoif folder the way each trainer's loader reads it, with the standard library only.

usage: trainer_check.py FOLDER

- Hugging Face `datasets`: README.md front matter `configs` -> `data_files` (split, path); the JSON builder needs every
  line of a file to be a JSON object with the same keys and one JSON type per key (null allowed).
- Per config, the trainer that reads it: TRL SFTTrainer (messages), TRL DPOTrainer (standard and conversational),
  open-instruct RLVR (messages, ground_truth, dataset).
- LLaMA-Factory: dataset_info.json entries (file_name, formatting, columns, tags, ranking) as its DatasetAttr and
  alpaca/sharegpt converters read them.
Prints one "ok" line per file checked; exits 1 with the first problem.
"""
import json
import os
import re
import sys


class Problem(Exception):
    pass


def fail(where, why):
    raise Problem(f"{where}: {why}")


def json_type(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    return type(v).__name__


def read_jsonl(path):
    """What datasets' JSON builder accepts: objects, the same keys on every line, one type per key."""
    if not os.path.isfile(path):
        fail(path, "declared but missing")
    rows, keys, types = [], None, {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                fail(f"{path}:{n}", "empty line")
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                fail(f"{path}:{n}", f"not JSON ({e})")
            if not isinstance(row, dict):
                fail(f"{path}:{n}", "not a JSON object")
            if keys is None:
                keys = set(row)
            elif set(row) != keys:
                fail(f"{path}:{n}", f"keys {sorted(row)} differ from the first line's {sorted(keys)}")
            for k, v in row.items():
                t = json_type(v)
                if t is not None and types.setdefault(k, t) != t:
                    fail(f"{path}:{n}", f"column {k} is {t} here, {types[k]} before")
            rows.append(row)
    return rows


def front_matter_configs(readme):
    """The `configs` block of the card's YAML front matter (the subset the Hub documents for data_files)."""
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        fail(readme, "no YAML front matter")
    configs, current, in_configs = [], None, False
    for line in m.group(1).split("\n"):
        if not line.startswith((" ", "-")):
            in_configs = line == "configs:"
            continue
        if not in_configs:
            continue
        if line.startswith("- config_name: "):
            current = {"name": line[len("- config_name: "):], "data_files": [], "default": False}
            configs.append(current)
        elif line == "  default: true":
            current["default"] = True
        elif line.startswith("  - split: "):
            current["data_files"].append({"split": line[len("  - split: "):]})
        elif line.startswith("    path: "):
            current["data_files"][-1]["path"] = line[len("    path: "):]
        elif line != "  data_files:":
            fail(readme, f"unexpected configs line {line!r}")
    if not configs:
        fail(readme, "no configs in the front matter")
    if sum(c["default"] for c in configs) != 1:
        fail(readme, "exactly one config must be the default")
    return configs


def messages(where, value, roles):
    if not isinstance(value, list) or len(value) != len(roles):
        fail(where, f"expected {len(roles)} messages, got {value!r}")
    for msg, role in zip(value, roles):
        if not isinstance(msg, dict) or set(msg) != {"role", "content"}:
            fail(where, f"a message needs exactly role and content: {msg!r}")
        if msg["role"] != role or not isinstance(msg["content"], str):
            fail(where, f"expected a {role} message with text content: {msg!r}")


def strings(where, row, *keys, allow_empty=()):
    for k in keys:
        if k not in row or not isinstance(row[k], str):
            fail(where, f"{k} must be a string")
        if not row[k] and k not in allow_empty:
            fail(where, f"{k} is empty")


def trl_sft(where, row):
    # SFTTrainer treats a "messages" list of {role, content} as conversational and applies the chat template
    messages(where, row["messages"], ["user", "assistant"])
    if not row["messages"][0]["content"] or not row["messages"][1]["content"]:
        fail(where, "empty turn")


def trl_dpo(where, row):
    strings(where, row, "prompt", "chosen", "rejected", allow_empty=("rejected",))


def trl_dpo_conversational(where, row):
    messages(where + " prompt", row["prompt"], ["user"])
    messages(where + " chosen", row["chosen"], ["assistant"])
    messages(where + " rejected", row["rejected"], ["assistant"])


def open_instruct_rlvr(where, row):
    messages(where, row["messages"], ["user"])
    strings(where, row, "ground_truth", "dataset")
    if row["dataset"] != "autoif":
        fail(where, "dataset must name the autoif verifier")


CONFIG_LOADERS = {
    "sft": ("TRL SFTTrainer", trl_sft),
    "sft_alpaca": ("datasets", None),
    "sft_sharegpt": ("datasets", None),
    "dpo": ("TRL DPOTrainer", trl_dpo),
    "dpo_conversational": ("TRL DPOTrainer conversational", trl_dpo_conversational),
    "dpo_pairwise": ("datasets", None),
    "rlvr": ("open-instruct RLVR", open_instruct_rlvr),
}


def check_card(folder):
    for config in front_matter_configs(os.path.join(folder, "README.md")):
        if config["name"] not in CONFIG_LOADERS:
            fail("README.md", f"unknown config {config['name']}")
        loader, check = CONFIG_LOADERS[config["name"]]
        splits = [d["split"] for d in config["data_files"]]
        if "train" not in splits or len(set(splits)) != len(splits):
            fail("README.md", f"config {config['name']} needs one train split, has {splits}")
        for d in config["data_files"]:
            path = os.path.join(folder, d["path"])
            rows = read_jsonl(path)
            for n, row in enumerate(rows, 1):
                if check:
                    check(f"{d['path']}:{n}", row)
            print(f"ok {config['name']}/{d['split']} {d['path']} {len(rows)} rows ({loader})")


def llama_factory(folder):
    with open(os.path.join(folder, "dataset_info.json"), encoding="utf-8") as f:
        info = json.load(f)
    for name, attr in info.items():
        path = os.path.join(folder, attr["file_name"])
        formatting = attr.get("formatting", "alpaca")
        columns = attr.get("columns", {})
        ranking = attr.get("ranking", False)
        rows = read_jsonl(path)
        for n, row in enumerate(rows, 1):
            where = f"{name} {attr['file_name']}:{n}"
            if formatting == "alpaca":
                keys = [columns.get("prompt", "instruction"), columns.get("query", "input")]
                keys += [columns.get("chosen"), columns.get("rejected")] if ranking \
                    else [columns.get("response", "output")]
                if None in keys:
                    fail(name, "a ranking dataset needs chosen and rejected columns")
                strings(where, row, *keys, allow_empty=(keys[1],) + ((keys[3],) if ranking else ()))
            elif formatting == "sharegpt":
                tags = attr.get("tags", {})
                role, content = tags.get("role_tag", "from"), tags.get("content_tag", "value")
                user, assistant = tags.get("user_tag", "human"), tags.get("assistant_tag", "gpt")
                turns = row.get(columns.get("messages", "conversations"))
                if not isinstance(turns, list) or len(turns) < 2 or len(turns) % 2:
                    fail(where, "sharegpt needs user/assistant turn pairs")
                for i, t in enumerate(turns):
                    # LLaMA-Factory drops an example whose odd/even turns carry the wrong tags
                    if t.get(role) != (user if i % 2 == 0 else assistant) or not isinstance(t.get(content), str):
                        fail(where, f"turn {i} has role {t.get(role)!r}")
            else:
                fail(name, f"unknown formatting {formatting}")
        print(f"ok llama-factory {name} {attr['file_name']} {len(rows)} rows ({formatting}"
              f"{', ranking' if ranking else ''})")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        check_card(sys.argv[1])
        llama_factory(sys.argv[1])
    except (Problem, OSError, KeyError, ValueError) as e:
        print(f"FAIL {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
