from portal.content.markdown import render_markdown


def test_script_tags_are_removed():
    html = render_markdown("Hello <script>alert(1)</script> world")
    assert "<script" not in html
    assert "alert(1)" not in html or "&lt;" in html


def test_event_handlers_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> <a href="https://a.org" onclick="x()">a</a>')
    assert "onerror" not in html
    assert "onclick" not in html


def test_javascript_links_are_removed():
    html = render_markdown('[click](javascript:alert(1)) and <a href="JaVaScRiPt:alert(2)">b</a>')
    assert "javascript:" not in html.lower()


def test_markdown_is_rendered_and_links_get_rel():
    html = render_markdown("**bold** and [registry](https://clinicaltrials.gov/study/NCT06451159)")
    assert "<strong>bold</strong>" in html
    assert 'href="https://clinicaltrials.gov/study/NCT06451159"' in html
    assert 'rel="noopener noreferrer"' in html


def test_backslash_escapes_are_resolved():
    assert render_markdown(r"Age \>= 18") == "<p>Age &gt;= 18</p>"


def test_renderer_state_does_not_leak_between_documents():
    first = render_markdown("Text with a footnote[^1].\n\n[^1]: The note.\n\n*[MS]: Multiple sclerosis")
    second = render_markdown("Plain MS text.")
    assert "footnote" in first
    assert second == "<p>Plain MS text.</p>"
