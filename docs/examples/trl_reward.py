"""TRL GRPOTrainer reward function backed by the verifier's reward server. Standard library only.

    from trl import GRPOConfig, GRPOTrainer
    from trl_reward import autoif_reward
    trainer = GRPOTrainer(model=..., reward_funcs=autoif_reward, train_dataset=rlvr_dataset, args=GRPOConfig(...))

The dataset is our RLVR export (``messages`` as the prompt, ``ground_truth`` the instruction id); TRL passes the
dataset's other columns to reward functions as keyword arguments, so ``ground_truth`` arrives per completion.
Set AUTOIF_REWARD_URL (default http://127.0.0.1:8082/reward) and, if the server has one, AUTOIF_API_KEY.
"""
import autoif_reward_client


def _text(completion):
    # conversational datasets give each completion as a list of messages: score the assistant's text
    if isinstance(completion, list):
        return "".join(m.get("content") or "" for m in completion if m.get("role", "assistant") == "assistant")
    return completion


def autoif_reward(prompts=None, completions=None, ground_truth=None, url=None, **kwargs):
    """One float per completion: the share of its instruction's verification functions it passes."""
    if completions is None or ground_truth is None:
        raise ValueError("autoif_reward needs completions and the dataset's ground_truth column")
    return autoif_reward_client.rewards([_text(c) for c in completions], ground_truth, url=url)
