"""The shared fixture builds what the platform tests rely on."""


def test_world_has_a_person_of_every_role(world):
    roles = {person.role for person in world.people.values()}
    assert roles == {
        "office_admin",
        "liaison",
        "reviewer",
        "county_office",
        "leader",
        "system_admin",
    }
