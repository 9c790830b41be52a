"""The extraction stage on a Dask cluster (``kg build --scheduler``) gives the outputs of a local
build, byte for byte, and every way it can fail ends in one clear line."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS, kg, outputs, stable

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not beside the repository")
# no dashboard, and the scheduler's bare HTTP server on a free port rather than 8787
NO_DASHBOARD = {"dashboard_address": None, "scheduler_kwargs": {"dashboard_address": "127.0.0.1:0"}}


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, **NO_DASHBOARD) as c:
        yield c


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("in")
    for path in sorted(CORPUS.glob("*.txt"))[:80]:
        shutil.copy(path, folder / path.name)
    return [str(p) for p in sorted(folder.glob("*.txt"))]


@pytest.fixture(scope="module")
def local_build(tmp_path_factory, corpus_files) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("local")
    done = kg("build", *corpus_files, "-o", str(out), "-q", "-j", "1")
    assert done.returncode == 0, done.stderr
    return outputs(out)


def assert_same(built: dict[str, bytes], local: dict[str, bytes]) -> None:
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert built[name] == local[name], name
    assert stable(built["report.json"]) == stable(local["report.json"])


def test_cli_build_on_a_cluster_equals_a_local_build(tmp_path, cluster, corpus_files, local_build):
    # the files in reverse order: the articles come back in their order whatever the cluster does
    done = kg(
        "build", *reversed(corpus_files), "-o", str(tmp_path), "--scheduler", cluster.scheduler_address, "--no-cache"
    )
    assert done.returncode == 0, done.stderr
    assert "read 80 article(s)" in done.stdout
    assert not lines(done.stderr), done.stderr
    assert_same(outputs(tmp_path), local_build)


def test_api_build_on_a_cluster_equals_a_local_build(tmp_path, cluster, corpus_files, local_build):
    from kg.builder import build

    result = build(corpus_files, tmp_path, show_progress=False, scheduler=cluster.scheduler_address)
    assert result.report["counts"]["articles"] == 80
    assert_same(outputs(tmp_path), local_build)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_one_line_within_the_timeout(tmp_path):
    address = f"tcp://127.0.0.1:{free_port()}"
    t = time.monotonic()
    done = kg("build", str(SEEDS), "-o", str(tmp_path / "out"), "--scheduler", address, "--scheduler-timeout", "2")
    took = time.monotonic() - t
    assert done.returncode == 3
    assert lines(done.stderr) == [f"kg: cannot reach the Dask scheduler at {address} within 2 s"]
    assert took < 2 + 15  # the timeout, and starting Python
    assert not (tmp_path / "out").exists()
    from kg import dist
    from kg.builder import build

    with pytest.raises(dist.SchedulerUnreachable, match="^not a Dask scheduler address: 'no-port-here' "):
        build([SEEDS], tmp_path / "out", scheduler="no-port-here")


def test_scheduler_local_starts_a_cluster_here(tmp_path, seed_build):
    done = kg("build", str(SEEDS), "-o", str(tmp_path), "-q", "--scheduler", "local", "-j", "1")
    assert done.returncode == 0, done.stderr
    assert not lines(done.stderr), done.stderr
    assert_same(outputs(tmp_path), outputs(seed_build.outputs["trig"].parent))


def test_without_dask_the_option_says_how_to_install_it(tmp_path):
    hide = tmp_path / "hide"
    (hide / "distributed").mkdir(parents=True)
    (hide / "distributed" / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'distributed'\", name='distributed')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(hide))
    done = kg("build", str(SEEDS), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:8786", env=env)
    assert done.returncode == 2
    assert len(lines(done.stderr)) == 1
    assert "pip install 'kg[dist]'" in done.stderr
    # and kg itself never imports Dask
    probe = "import sys, kg, kg.builder, kg.cli, kg.dist; print([m for m in sys.modules if m.startswith('dask')])"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip() == "[]"


def fake_kg(folder: Path, init: str, pipeline: str | None = None) -> Path:
    """A folder to put first on a worker's PYTHONPATH: ``kg`` there is not ours."""
    (folder / "kg").mkdir(parents=True)
    (folder / "kg" / "__init__.py").write_text(textwrap.dedent(init))
    if pipeline is not None:
        (folder / "kg" / "extract").mkdir()
        (folder / "kg" / "extract" / "__init__.py").write_text(f"PIPELINE_VERSION = {pipeline!r}\n")
    return folder


def _same_versions() -> tuple[str, str]:
    import kg
    from kg.extract import PIPELINE_VERSION

    return kg.__version__, PIPELINE_VERSION


FAILING_EXTRACT = """
import kg.extract


def extract(articles):
    raise RuntimeError("boom on this worker")


kg.extract.extract = extract
"""


@pytest.mark.parametrize("case", ["missing", "other-version", "failing", "lost"])
def test_workers_without_our_kg_are_refused_clearly(tmp_path, corpus_files, case):
    """Each worker runs with a folder first on its PYTHONPATH that changes the kg it sees."""
    from kg import dist
    from kg.builder import build

    version, pipeline = _same_versions()
    path = tmp_path / "worker-path"
    if case == "missing":
        fake_kg(path, "raise ModuleNotFoundError(\"No module named 'kg'\", name='kg')\n")
        expect = (
            dist.WorkerError,
            f"cannot import kg (ModuleNotFoundError: No module named 'kg'): `pip install 'kg[dist]=={version}'`",
        )
    elif case == "other-version":
        fake_kg(path, "__version__ = '0.0.1'\n", pipeline)
        expect = dist.WorkerError, f"has kg 0.0.1 (pipeline {pipeline}), this machine kg {version}"
    elif case == "failing":  # our kg, whose extraction raises: the chunks fail, named by their files
        path.mkdir()
        (path / "sitecustomize.py").write_text(FAILING_EXTRACT)
        expect = dist.ChunkFailed, "RuntimeError: boom on this worker"
    else:  # the right version strings, not the code: the worker cannot read its tasks and leaves
        fake_kg(path, f"__version__ = {version!r}\n", pipeline)
        expect = dist.WorkerError, "the Dask scheduler has had no worker for 2 s"
    with distributed.LocalCluster(n_workers=0, processes=True, **NO_DASHBOARD) as cluster:
        worker = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address]
            + ["--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--no-nanny"],
            cwd=tmp_path,  # not the repository, whose kg/ would come first
            env=dict(os.environ, PYTHONPATH=str(path)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            with distributed.Client(cluster, set_as_default=False) as client:
                client.wait_for_workers(1, timeout=60)  # started, whatever the load: the build's timeout is short
            with pytest.raises(expect[0]) as raised:
                build(
                    corpus_files[:20],
                    tmp_path / "out",
                    write=False,
                    cache=False,  # the articles must reach the worker, not come from the cache
                    scheduler=cluster.scheduler_address,
                    scheduler_timeout=2 if case == "lost" else 30,
                )
        finally:
            worker.terminate()
            worker.wait(10)
    message = str(raised.value)
    assert "\n" not in message
    assert expect[1] in message, message
    if case == "failing":  # and which files
        assert "extraction failed on the cluster for " in message
        assert any(f in message for f in corpus_files[:20]), message
