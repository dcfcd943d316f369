"""Client for the verifier's reward server (POST /reward, OpenRLHF's remote reward model protocol).
Standard library only. The TRL and verl shims next to it use it; copy the three files together.

Each sample is (response, label): the label is the RLVR export's ``ground_truth`` (an instruction id, ``ins-...``);
the reward is the share of that instruction's kept verification functions the response passes (0..1). A response
that cannot be scored (unknown label, ...) gets 0.0 and the server says why in ``errors``.
"""
import json
import os
import time
import urllib.error
import urllib.request

DEFAULT_URL = os.environ.get("AUTOIF_REWARD_URL", "http://127.0.0.1:8082/reward")


def rewards(responses, labels, url=None, prompts=None, retries=5, timeout=180.0):
    """Rewards for responses, in order. Without prompts each response is sent alone (empty prompt), so the server
    scores it as is; with prompts, responses are prompt + response as a trainer decoded them."""
    responses = list(responses)
    labels = ["" if label is None else str(label) for label in labels]
    if len(labels) != len(responses):
        raise ValueError("one label per response expected: %d responses, %d labels" % (len(responses), len(labels)))
    body = {
        "query": responses,
        "prompts": [""] * len(responses) if prompts is None else list(prompts),
        "labels": labels,
    }
    return post(url or DEFAULT_URL, body, retries, timeout)["rewards"]


def post(url, body, retries=5, timeout=180.0):
    """POSTs JSON and returns the decoded answer, retrying connection errors and 5xx (the endpoint is pure)."""
    data = json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    key = os.environ.get("AUTOIF_API_KEY")
    if key:
        headers["Authorization"] = "Bearer " + key
    last = None
    for attempt in range(max(1, retries)):
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return json.loads(answer.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            if e.code < 500:
                raise ValueError("%s answered %d: %s" % (url, e.code, e.read().decode("utf-8", "replace")))
            last = e
        except (urllib.error.URLError, OSError) as e:
            last = e
        time.sleep(min(8.0, 0.5 * 2 ** attempt))
    raise ConnectionError("%s did not answer after %d tries: %s" % (url, retries, last))
