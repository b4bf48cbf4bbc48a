"""Make the marker's ONNX graph from all-MiniLM-L6-v2's weights, with torch, and check it.

    python -m pastpaper.marking.embed_export MODEL_DIR OUT.onnx

The embedder runs this in a process of its own the first time a machine marks (see
``pastpaper.marking.embed``): only this module imports torch, transformers and
sentence-transformers. The weights' SHA-256 is checked first; the graph (the transformer
alone, giving each piece's vector in context; pooling is done by the embedder) is traced by
``torch.onnx.export`` and written to a file of its own beside ``OUT``. Before it takes
``OUT``'s name, its sentence vectors are compared with sentence-transformers' on
``SAMPLES``: every cosine must be at least ``LEAST_COSINE``. The rename is atomic, so two
processes exporting at once each leave a whole graph, and a process stopped halfway leaves
none.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

from pastpaper.errors import PastpaperError
from pastpaper.marking.embed import Embedder, _check_weights

__all__ = ["LEAST_COSINE", "SAMPLES", "export", "least_cosine"]

#: The least cosine between a graph's sentence vector and the torch model's on any sample.
LEAST_COSINE = 0.999
_LONG = (
    "The Virgin Lands campaign ploughed millions of hectares of steppe in Kazakhstan and "
    "Siberia, and for a few years the harvests rose, until drought and erosion set in. "
)
#: Texts the graph is checked on: short and long (past 256 pieces, where both cut), not in
#: English, numbers, punctuation and next to nothing.
SAMPLES = (
    "",
    " ",
    "?",
    "…",
    "a",
    "Yes.",
    "1956",
    "Prisoners were freed",
    "Inmates of the gulags were released",
    "Khrushchev denounced Stalin in the Secret Speech of February 1956.",
    "Censorship was relaxed, and Solzhenitsyn's novella was printed in 1962.",
    "He did NOT abolish the collective farms; he merged them into bigger ones.",
    "The sovnarkhozy (regional economic councils) replaced the Moscow ministries in 1957.",
    "Photosynthesis turns light, water and carbon dioxide into glucose and oxygen.",
    "A closed switch completes the circuit so the bulb lights up",
    "the battery is terminal 1 and the bulb is connected, so voltage is 0",
    "Kruschev sent missils to Cuba in 1962 becuase the USA had missils in Turkey!!",
    "CWA: 4,000,000 jobs; PWA: dams, bridges & schools (1933-39).",
    "Die Weimarer Republik scheiterte an der Inflation von 1923 und an der Weltwirtschaftskrise.",
    "La Nouvelle Politique économique a permis le retour du petit commerce privé.",
    "Хрущёв осудил культ личности Сталина на XX съезде партии.",
    "赫鲁晓夫在1956年的秘密报告中批评了斯大林。",
    "フルシチョフはスターリンを批判した。",
    "خروتشوف انتقد ستالين في عام 1956",
    "🚀🌾 corn corn corn 🌽",
    "e = mc^2 ; ∫ f(x) dx ≈ 3.14159",
    "word " * 40,
    _LONG * 2,
    _LONG * 6,
    _LONG * 12,
    ("Elizabeth's religious settlement of 1559 " * 30).strip(),
    "\n\t Tabs,\nnew lines\tand   runs of   spaces  ",
)


def least_cosine(graph: Path, model_dir: Path, texts: tuple[str, ...] = SAMPLES) -> float:
    """The least cosine, over ``texts``, between the graph's sentence vectors (as the
    embedder makes them) and sentence-transformers' from the same weights under torch."""
    import numpy as np

    reference = _torch_model(model_dir).encode(
        list(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    ours = Embedder(model_dir, graph=graph).encode(list(texts))
    return float(np.min(np.sum(ours * reference, axis=1)))


def export(model_dir: Path, out: Path) -> float:
    """Write the graph for the weights in ``model_dir`` to ``out``, checked; the least
    cosine on ``SAMPLES``."""
    _check_weights(model_dir / "model.safetensors")
    graph = _trace(model_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=out.name + ".", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(graph)
            file.flush()
            os.fsync(file.fileno())
        least = least_cosine(Path(name), model_dir)
        if not least >= LEAST_COSINE:
            raise PastpaperError(
                f"the ONNX graph's vectors differ from the torch model's (least cosine "
                f"{least:.5f}, below {LEAST_COSINE}); it was not kept"
            )
        os.chmod(name, 0o644)  # as any file the user makes; mkstemp made it private
        os.replace(name, out)
    finally:
        if os.path.exists(name):
            os.unlink(name)
    return least


def _torch_model(model_dir: Path) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)


def _trace(model_dir: Path) -> bytes:
    """The transformer as an ONNX graph: input_ids, attention_mask and token_type_ids (a
    batch of texts, of any length) in, each piece's vector in context out."""
    import torch

    transformer = _torch_model(model_dir)[0].auto_model.eval()

    class Pieces(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            out = self.transformer(input_ids=ids, attention_mask=mask, token_type_ids=types)
            return out.last_hidden_state

    ids = torch.tensor([[101, 7632, 2088, 102], [101, 7632, 102, 0]])
    mask = (ids != 0).long()
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {name: {0: "texts", 1: "pieces"} for name in [*names, "token_embeddings"]}
    buffer = io.BytesIO()
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the tracer's notes on Python control flow
        torch.onnx.export(
            Pieces(),
            (ids, mask, torch.zeros_like(ids)),
            buffer,  # type: ignore[arg-type]  # the TorchScript exporter takes a file object
            dynamo=False,
            input_names=names,
            output_names=["token_embeddings"],
            dynamic_axes=axes,
            opset_version=17,
        )
    return buffer.getvalue()


def main(arguments: list[str]) -> int:
    if len(arguments) != 2:
        print("usage: python -m pastpaper.marking.embed_export MODEL_DIR OUT.onnx", file=sys.stderr)
        return 2
    try:
        least = export(Path(arguments[0]), Path(arguments[1]))
    except ImportError as error:
        print(f"it needs {error.name}: pip install 'pastpaper[marker]'", file=sys.stderr)
        return 1
    except (PastpaperError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"wrote {arguments[1]} (least cosine to the torch model {least:.6f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
