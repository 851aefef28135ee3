"""Tests for trials.registry.classify: the CAR T target guess (condition groups: test_sync.py)."""

from __future__ import annotations

import pytest

from trials.registry.classify import guess_car_t_target


@pytest.mark.parametrize(
    ("texts", "target"),
    [
        (["A Study of KYV-101, a CD19 CAR T Cell Therapy"], "cd19"),
        (["Anti-CD19 Chimeric Antigen Receptor T-Cell Therapy in Myasthenia Gravis"], "cd19"),
        (["CABA-201", "anti-CD19 CAR-T therapy"], "cd19"),
        (["Obecabtagene autoleucel in refractory SLE"], "cd19"),
        (["Anti-BCMA CAR-T cells in NMOSD"], "bcma"),
        (["Equecabtagene autoleucel"], "bcma"),
        (["B-cell maturation antigen chimeric antigen receptor T cells"], "bcma"),
        (["CD19/BCMA dual-target CAR-T in refractory MS"], "cd19_bcma"),
        (["CAR-T cells targeting CD20 in MS"], "other"),
        (["car-t cell therapy", "autoimmune disease"], "other"),
        (["Inebilizumab, an anti-CD19 monoclonal antibody, in NMOSD"], "none"),
        (["Teclistamab (BCMA x CD3 bispecific) in myeloma"], "none"),
        (["CARTILAGE REPAIR AFTER KNEE INJURY"], "none"),
        (["Car travel and fatigue in multiple sclerosis"], "none"),
        ([], "none"),
    ],
)
def test_car_t_target_guess(texts: list[str], target: str) -> None:
    assert guess_car_t_target(texts) == target
