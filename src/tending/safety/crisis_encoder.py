"""A small sentence model that hears how a whole message is put.

The word model (``crisis_model``) weighs words and short runs of them; people also say
they are at risk in sentences whose words are each ordinary ("everyone would manage fine
if i just wasnt around"). This model reads the whole message: a six-layer sentence model
(all-MiniLM-L6-v2), fine-tuned on the labelled messages of ``tests/data/`` by
``tools/train_crisis_encoder.py`` to say how likely it is that the writer is at risk and
that someone close is. It is shipped in ``data/`` as ONNX with 8-bit weights and read
with onnxruntime on the CPU, one thread, nothing fetched. Long messages are read in
overlapping windows and the most worrying window counts, up to ``READ_LENGTH``
characters (twice the longest box a person writes in); the phrases and the word model
read on to the detector's own limit.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import onnxruntime
from tokenizers import Tokenizer

SHIPPED_FOLDER = Path(__file__).parent / "data"
MODEL_FILE = "crisis_encoder.onnx"
TOKENIZER_FILE = "crisis_encoder_tokenizer.json"
SETTINGS_FILE = "crisis_encoder.json"
LABELS = ("negative", "crisis", "partner")
READ_LENGTH = 4_000


class CrisisEncoder:
    """A fine-tuned sentence model, and how its reading is blended with the word model's.

    ``share``: how much of the blended probability is this model's; ``thresholds``: the
    blended probabilities from which the detector answers yes (the writer; someone close).
    """

    def __init__(self, folder: Path) -> None:
        settings = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
        self.share: float = settings["share"]
        self_cut_off, other_cut_off = settings["thresholds"]
        self.thresholds: tuple[float, float] = (self_cut_off, other_cut_off)
        self._self_column = settings["labels"].index("crisis")
        self._other_column = settings["labels"].index("partner")
        options = onnxruntime.SessionOptions()
        # A web worker reads one message at a time; more threads would only contend.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(settings["window"], stride=settings["stride"])

    def probabilities(self, text: str) -> tuple[float, float]:
        """How likely it is that the writer is at risk, and that someone close is."""
        first = self._tokenizer.encode(text[:READ_LENGTH])
        windows = [first, *first.overflowing]
        length = max(len(window.ids) for window in windows)
        ids = np.zeros((len(windows), length), dtype=np.int64)
        mask = np.zeros((len(windows), length), dtype=np.int64)
        for row, window in enumerate(windows):
            ids[row, : len(window.ids)] = window.ids
            mask[row, : len(window.ids)] = 1
        (found,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
        return float(found[:, self._self_column].max()), float(found[:, self._other_column].max())


@cache
def shipped_encoder() -> CrisisEncoder:
    """The model in ``data/``, read once per process, on the first message it reads."""
    return CrisisEncoder(SHIPPED_FOLDER)
