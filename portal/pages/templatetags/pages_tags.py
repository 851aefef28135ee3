"""Tags for base.html and the content templates: the page head (canonical, feeds, sharing meta,
JSON-LD), bylines with public profiles, and the visible "Follow with a feed reader" link."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..credits import item_credits
from ..models import TagInfo
from ..seo import page_feeds, page_meta

register = template.Library()


class CaptureNode(template.Node):
    # Blocks inside are still overridden by child templates: ExtendsNode finds them through child_nodelists.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist: template.NodeList, name: str) -> None:
        self.nodelist = nodelist
        self.name = name

    def render(self, context) -> str:
        # Rendered output is already escaped; strip the template's own line breaks and indentation.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """{% capture as page_title %}...{% endcapture %}: render once, use the text several times."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def _is_error_page(context) -> bool:
    """Django's 404 handler renders with `request_path`: an error page has no address of its own to share."""
    return "request_path" in context or "request" not in context


def _page_meta(context):
    """Built once per render (the head and the end of the body both need it)."""
    request = context["request"]
    cached = getattr(request, "_portal_page_meta", None)
    if cached is None:
        title = str(context.get("page_title", ""))
        description = str(context.get("page_description", ""))
        cached = (page_meta(context, title=title, description=description), title, description)
        request._portal_page_meta = cached
    return cached


@register.simple_tag(takes_context=True)
def page_head(context) -> str:
    """Canonical link, feed links, Open Graph and Twitter card meta."""
    if _is_error_page(context):
        return mark_safe('<meta name="robots" content="noindex">') if "request" in context else ""
    meta, title, description = _page_meta(context)
    return render_to_string(
        "pages/_head.html",
        {"meta": meta, "page_title": title, "page_description": description, "preview": context.get("preview")},
        request=context["request"],
    )


@register.simple_tag(takes_context=True)
def page_structured_data(context) -> str:
    """The page's JSON-LD, at the end of the body: search engines read it anywhere, readers never see it."""
    if _is_error_page(context):
        return ""
    meta, _title, _description = _page_meta(context)
    return meta.json_ld


@register.inclusion_tag("pages/_follow_feed.html", takes_context=True)
def follow_feed(context) -> dict:
    """The page's own feed as a visible link (tag, trial, list pages)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    feeds = page_feeds(context, match.view_name if match else "")
    return {"feed": feeds[0] if feeds else None}


@register.inclusion_tag("pages/_byline.html")
def byline(item) -> dict:
    """ "By <name>, <role>" and "Reviewed by <name>, <credentials>", linked to their public profiles."""
    credits = item_credits(item)
    return {"credits": credits, "item": item}


@register.simple_tag
def tag_description(tag) -> str:
    """The editor-written description of a topic, or "" (one query per tag and request)."""
    if not hasattr(tag, "_portal_description"):
        info = TagInfo.objects.filter(tag=tag).order_by().values_list("description", flat=True).first()
        tag._portal_description = info or ""
    return tag._portal_description


@register.inclusion_tag("pages/_print_note.html", takes_context=True)
def print_note(context) -> dict:
    """Printed pages say where they came from and how current they are (hidden on screen)."""
    if _is_error_page(context):
        return {}
    meta, _title, _description = _page_meta(context)
    obj = context.get("object")
    return {"canonical": meta.canonical, "updated": getattr(obj, "updated_at", None), "SITE_NAME": settings.SITE_NAME}
