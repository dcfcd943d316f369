"""verl custom reward function backed by the verifier's reward server. Standard library only.

    custom_reward_function.path=docs/examples/verl_reward.py custom_reward_function.name=compute_score

Our RLVR export's ``ground_truth`` goes into verl's ``reward_model.ground_truth`` field when the parquet is made.
verl calls compute_score once per sample with the decoded response; it returns the pass rate (0..1).
Set AUTOIF_REWARD_URL (default http://127.0.0.1:8082/reward) and, if the server has one, AUTOIF_API_KEY.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import autoif_reward_client  # noqa: E402  (next to this file, which verl loads by path)


def compute_score(data_source, solution_str, ground_truth, extra_info=None, url=None):
    """verl's signature: the reward of one response for the instruction named by ground_truth."""
    return float(autoif_reward_client.rewards([solution_str], [ground_truth], url=url)[0])
