from django.contrib import admin

from portal.content.admin import ContentAdmin

from .models import Location, Trial


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0
    fields = ("facility", "city", "state", "country", "status")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Trial)
class TrialAdmin(ContentAdmin):
    list_display = (
        "nct_id",
        *ContentAdmin.list_display[:2],
        "overall_status",
        "car_t_target",
        "tag_list",
        "last_update_posted",
    )
    list_filter = (*ContentAdmin.list_filter, "overall_status", "car_t_target")
    search_fields = ("nct_id", "acronym", "sponsor", *ContentAdmin.search_fields)
    content_fields = ("nct_id", *ContentAdmin.content_fields, "what_it_means", "car_t_target")
    registry_fields = (
        "official_title",
        "acronym",
        "sponsor",
        "sponsor_class",
        "study_type",
        "phases",
        "overall_status",
        "last_known_status",
        "why_stopped",
        "conditions",
        "interventions",
        "enrollment",
        "enrollment_type",
        "start_date",
        "start_date_type",
        "primary_completion_date",
        "primary_completion_date_type",
        "completion_date",
        "completion_date_type",
        "first_posted",
        "last_update_posted",
        "brief_summary",
        "eligibility_criteria",
        "sex",
        "minimum_age",
        "maximum_age",
        "last_checked_at",
    )
    inlines = [LocationInline, *ContentAdmin.inlines]

    def get_fieldsets(self, request, obj=None):
        return [
            *super().get_fieldsets(request, obj),
            ("Registry facts (from ClinicalTrials.gov)", {"fields": self.registry_fields, "classes": ["collapse"]}),
        ]
