"""Calls each client shim in docs/examples against a running verifier and checks its rewards.
Usage: python3 check_shims.py <examples dir> <reward url> <cases.json>; cases.json holds responses, labels and the
expected rewards (pass rates the test computed through POST /verify). Exit status 0 when every reward matches."""
import json
import sys


def main(examples, url, cases_path):
    sys.path.insert(0, examples)
    import trl_reward
    import verl_reward

    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)
    responses, labels, expected = cases["responses"], cases["labels"], cases["expected"]
    got = {
        "trl": trl_reward.autoif_reward(prompts=["p"] * len(responses), completions=responses,
                                        ground_truth=labels, url=url),
        "trl-conversational": trl_reward.autoif_reward(
            prompts=[[{"role": "user", "content": "p"}]] * len(responses),
            completions=[[{"role": "assistant", "content": r}] for r in responses], ground_truth=labels, url=url),
        "verl": [verl_reward.compute_score("autoif", r, g, url=url) for r, g in zip(responses, labels)],
    }
    failed = False
    for shim, rewards in got.items():
        if len(rewards) != len(expected) or any(abs(a - b) > 1e-9 for a, b in zip(rewards, expected)):
            print("%s: rewards %s, expected %s" % (shim, rewards, expected))
            failed = True
        else:
            print("%s: %d rewards as expected" % (shim, len(rewards)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
