"""The same flow on a Dask cluster (prefect-dask): the scheduler address is a parameter."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import rows

from flows.clean_corpus import clean_corpus

RAW = Path(__file__).resolve().parent.parent / "raw"


@pytest.mark.usefixtures("prefect_backend")
def test_flow_runs_on_an_existing_dask_cluster(tmp_path: Path, published_seeds: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = clean_corpus(
            raw_dir=str(RAW),
            out_dir=str(tmp_path / "out"),
            runner="dask",
            dask_address=cluster.scheduler_address,
            batch_bytes=2**14,  # several batches, spread over both workers
        )
    version_dir = tmp_path / "out" / summary["version"]
    reference = published_seeds / (published_seeds / "LATEST").read_text().strip()
    for table in ("documents", "sections", "sentences", "rejects"):
        made, expected = (rows(d, table, by_value=True) for d in (version_dir, reference))
        assert made == expected, table
