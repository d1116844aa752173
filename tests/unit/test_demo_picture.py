"""The demo's situational picture (store/demo_picture.py): every weekly series with areas gets
levels that move, the chair's combined level, rated signals and events; the newest week shows
unrest somewhere; --again makes the same picture again."""

from __future__ import annotations

from datetime import date

from orat_tui.domain.levels import GRONT, suggest_combined
from orat_tui.store.demo import generate_demo


def test_the_demo_has_a_picture(store):
    generate_demo(store, weeks=8, today=date(2026, 11, 28), seed=1)
    for info in store.list_series():
        data = store.picture(info.id)
        latest = data.latest()
        assert len(data.ids) == 8 and data.areas
        assert data.changes and data.ratings
        levels = data.area_levels(latest)
        assert any(v != GRONT for v in levels.values())
        assert data.combined_level(latest) == (suggest_combined(levels.values()), True)
        assert data.open_events()
        for e in data.open_events():
            assert data.level(latest, e.area_id) != GRONT or e.raised_meeting_id == latest
    before = {i.id: store.picture(i.id).changes for i in store.list_series()}
    generate_demo(store, weeks=8, today=date(2026, 11, 28), seed=1)  # as orat demo --again
    assert {i.id: store.picture(i.id).changes for i in store.list_series()} == before
