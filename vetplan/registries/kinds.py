"""Every registry, by code: the views, the figures and the tests find them here."""

from __future__ import annotations

from vetplan.registries.base import Registry
from vetplan.registries.enterprises import EnterpriseRegistry
from vetplan.registries.majors import MajorRegistry
from vetplan.registries.students import StudentRegistry
from vetplan.registries.teachers import TeacherRegistry
from vetplan.registries.trainings import TrainingRegistry

REGISTRIES: dict[str, Registry] = {
    registry.code: registry
    for registry in (MajorRegistry(), TeacherRegistry(), StudentRegistry(), EnterpriseRegistry(), TrainingRegistry())
}
