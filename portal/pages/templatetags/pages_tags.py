"""Tags for base.html and the content templates: the page head (canonical, feeds, sharing meta,
JSON-LD), bylines with public profiles, and the visible "Follow with a feed reader" link."""

from __future__ import annotations

from django import template
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


@register.simple_tag(takes_context=True)
def page_head(context) -> str:
    """Canonical link, feed links, Open Graph and Twitter card meta, and the page's JSON-LD."""
    if "request" not in context:
        return ""
    title = str(context.get("page_title", ""))
    description = str(context.get("page_description", ""))
    meta = page_meta(context, title=title, description=description)
    return render_to_string(
        "pages/_head.html",
        {"meta": meta, "page_title": title, "page_description": description, "preview": context.get("preview")},
        request=context["request"],
    )


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
    """The editor-written description of a topic, or "" (one query on the tag page)."""
    info = TagInfo.objects.filter(tag=tag).only("description").first()
    return info.description if info else ""
