#!/usr/bin/python3
"""Debian's python3-hvac against `tessera-cli serve`, exactly as an
administrator's script would use it against Vault. Run by run_with_server.py,
which sets VAULT_ADDR and VAULT_TOKEN (the root token)."""

import json
import os
import subprocess
import time
import unittest
import uuid
import warnings

import hvac
import hvac.exceptions as errors

ADDR = os.environ["VAULT_ADDR"]
ROOT = os.environ["VAULT_TOKEN"]

EBOOKS_POLICY = """
# Patrons may read e-books and list the shelf, never the staff area.
path "ebooks/*" {
  capabilities = ["read", "list"]
}
path "ebooks/staff/*" {
  capabilities = ["deny"]
}
"""

# As in Vault, the default policy does not allow creating tokens.
DESK_POLICY = """
path "auth/token/create" {
  capabilities = ["create", "update"]
}
"""


def client(token=None):
    return hvac.Client(url=ADDR, token=token, verify=os.environ.get("TESSERA_CACERT", True))


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


class TesseraCase(unittest.TestCase):
    def setUp(self):
        # hvac leaves its requests sessions to the garbage collector.
        warnings.simplefilter("ignore", ResourceWarning)
        self.root = client(ROOT)

    def create(self, parent=None, **kwargs):
        """A token created by `parent` (default root); returns its `auth` block."""
        response = (parent or self.root).auth.token.create(**kwargs)
        self.assertIn("auth", response)
        return response["auth"]

    def assertTokenRejected(self, token):
        with self.assertRaises(errors.Forbidden):
            client(token).auth.token.lookup_self()


class TokenLifecycle(TesseraCase):
    def test_root_token_authenticates(self):
        self.assertTrue(self.root.is_authenticated())
        data = self.root.auth.token.lookup_self()["data"]
        self.assertIn("root", data["policies"])

    def test_created_token_reports_its_settings_in_lookup_self(self):
        auth = self.create(policies=["default"], ttl="1h", display_name="desk",
                           meta={"patron": "p-1024", "purpose": "wifi"})
        self.assertTrue(auth["client_token"].startswith("tss."))
        self.assertTrue(auth["accessor"])
        self.assertEqual(auth["lease_duration"], 3600)
        self.assertTrue(auth["renewable"])
        self.assertEqual(auth["metadata"], {"patron": "p-1024", "purpose": "wifi"})
        self.assertIn("default", auth["policies"])

        data = client(auth["client_token"]).auth.token.lookup_self()["data"]
        self.assertEqual(data["id"], auth["client_token"])
        self.assertEqual(data["accessor"], auth["accessor"])
        self.assertEqual(data["meta"], {"patron": "p-1024", "purpose": "wifi"})
        self.assertEqual(data["display_name"], "token-desk")
        self.assertEqual(data["creation_ttl"], 3600)
        self.assertGreater(data["ttl"], 3500)
        self.assertLessEqual(data["ttl"], 3600)
        self.assertEqual(data["type"], "service")
        self.assertFalse(data["orphan"])
        self.assertEqual(data["path"], "auth/token/create")

    def test_bad_token_is_forbidden(self):
        self.assertTokenRejected("tss.notATokenAtAll")
        self.assertFalse(client("tss.notATokenAtAll").is_authenticated())

    def test_accessor_is_not_accepted_as_a_token(self):
        auth = self.create(ttl="1h")
        self.assertTokenRejected(auth["accessor"])

    def test_errors_come_back_as_vault_error_lists(self):
        with self.assertRaises(errors.Forbidden) as caught:
            client("tss.notATokenAtAll").auth.token.lookup_self()
        self.assertIsInstance(caught.exception.errors, list)
        self.assertTrue(caught.exception.errors)

    def desk_token(self, *policies):
        """A non-root token that may create tokens, with `policies` besides."""
        desk = unique("desk")
        self.root.sys.create_or_update_policy(desk, DESK_POLICY)
        return self.create(policies=[desk, *policies], ttl="1h")

    def test_child_inherits_parent_policies_and_names_its_parent(self):
        policy = unique("reader")
        self.root.sys.create_or_update_policy(policy, EBOOKS_POLICY)
        parent = self.desk_token(policy)
        child = self.create(parent=client(parent["client_token"]), ttl="30m")
        self.assertIn(policy, child["policies"])
        data = self.root.auth.token.lookup(child["client_token"])["data"]
        self.assertFalse(data["orphan"])
        self.assertEqual(sorted(data["policies"]), sorted(parent["policies"]))

    def test_child_cannot_have_policies_its_parent_lacks(self):
        parent = client(self.desk_token()["client_token"])
        self.create(parent=parent, policies=["default"], ttl="1m")  # a subset is fine
        with self.assertRaises((errors.Forbidden, errors.InvalidRequest)):
            self.create(parent=parent, policies=["root"])

    def test_orphans_outlive_their_creator(self):
        creator = client(self.create(policies=["root"], ttl="1h")["client_token"])
        child = self.create(parent=creator, ttl="1h")
        no_parent = self.create(parent=creator, no_parent=True, ttl="1h")
        # hvac 0.11 reaches create-orphan only through its deprecated create_token.
        orphan = creator.adapter.post("/v1/auth/token/create-orphan", json={"ttl": "1h"})
        creator.auth.token.revoke_self()
        self.assertTokenRejected(child["client_token"])
        for token in (no_parent["client_token"], orphan["auth"]["client_token"]):
            data = client(token).auth.token.lookup_self()["data"]
            self.assertTrue(data["orphan"])

    def test_orphan_creation_needs_root_or_sudo(self):
        plain = client(self.create(policies=["default"], ttl="1h")["client_token"])
        with self.assertRaises((errors.Forbidden, errors.InvalidRequest)):
            plain.adapter.post("/v1/auth/token/create-orphan", json={"ttl": "1h"})

    def test_lookup_and_revoke_by_accessor(self):
        auth = self.create(ttl="1h", display_name="by-accessor")
        data = self.root.auth.token.lookup_accessor(auth["accessor"])["data"]
        self.assertEqual(data["accessor"], auth["accessor"])
        self.assertEqual(data["display_name"], "token-by-accessor")
        self.assertEqual(data.get("id", ""), "")  # never the token itself
        self.assertIn(auth["accessor"], self.root.auth.token.list_accessors()["data"]["keys"])

        self.root.auth.token.revoke_accessor(auth["accessor"])
        self.assertTokenRejected(auth["client_token"])
        self.assertNotIn(auth["accessor"],
                         self.root.auth.token.list_accessors()["data"]["keys"])

    def test_revoke_self_ends_the_token(self):
        auth = self.create(ttl="1h")
        client(auth["client_token"]).auth.token.revoke_self()
        self.assertTokenRejected(auth["client_token"])

    def test_revoking_a_revoked_token_is_not_an_error(self):
        auth = self.create(ttl="1h")
        self.root.auth.token.revoke(auth["client_token"])
        self.root.auth.token.revoke(auth["client_token"])
        self.assertTokenRejected(auth["client_token"])


class BatchTokens(TesseraCase):
    def test_batch_token_authenticates_but_cannot_renew_or_create(self):
        # hvac sends renewable: true by default; Vault ignores it for batch tokens.
        auth = self.create(type="batch", ttl="10m", policies=["default"])
        self.assertTrue(auth["client_token"].startswith("tsb."))
        batch = client(auth["client_token"])
        data = batch.auth.token.lookup_self()["data"]
        self.assertEqual(data["type"], "batch")
        self.assertFalse(data["renewable"])
        with self.assertRaises((errors.InvalidRequest, errors.Forbidden)):
            batch.auth.token.renew_self(increment="1h")
        with self.assertRaises((errors.InvalidRequest, errors.Forbidden)):
            self.create(parent=batch, ttl="1m")

    def test_batch_token_dies_with_its_parent(self):
        parent = self.create(ttl="1h")
        batch = self.create(parent=client(parent["client_token"]), type="batch", ttl="10m",
                            policies=["default"])
        client(batch["client_token"]).auth.token.lookup_self()
        self.root.auth.token.revoke(parent["client_token"])
        self.assertTokenRejected(batch["client_token"])


class Renewal(TesseraCase):
    def test_renew_self_extends_by_the_increment(self):
        auth = self.create(ttl="10m")
        renewed = client(auth["client_token"]).auth.token.renew_self(increment="1h")
        self.assertEqual(renewed["auth"]["client_token"], auth["client_token"])
        self.assertEqual(renewed["auth"]["lease_duration"], 3600)

    def test_renew_is_capped_by_explicit_max_ttl_with_a_warning(self):
        auth = self.create(ttl="1m", explicit_max_ttl="5m")
        renewed = self.root.auth.token.renew(auth["client_token"], increment="2h")
        self.assertLessEqual(renewed["auth"]["lease_duration"], 300)
        self.assertGreater(renewed["auth"]["lease_duration"], 240)
        warnings = renewed.get("warnings") or []
        self.assertTrue(any("max" in warning.lower() for warning in warnings),
                        f"no warning about the max TTL in {warnings}")
        data = self.root.auth.token.lookup(auth["client_token"])["data"]
        self.assertEqual(data["explicit_max_ttl"], 300)
        self.assertLessEqual(data["ttl"], 300)

    def test_renew_by_accessor(self):
        auth = self.create(ttl="1m")
        renewed = self.root.auth.token.renew_accessor(auth["accessor"], increment="10m")
        self.assertEqual(renewed["auth"]["lease_duration"], 600)
        self.assertEqual(renewed["auth"]["accessor"], auth["accessor"])
        self.assertEqual(renewed["auth"].get("client_token", ""), "")

    def test_non_renewable_token_cannot_be_renewed(self):
        auth = self.create(ttl="10m", renewable=False)
        self.assertFalse(auth["renewable"])
        with self.assertRaises(errors.InvalidRequest):
            client(auth["client_token"]).auth.token.renew_self(increment="1h")

    def test_periodic_token_renews_to_its_period(self):
        auth = self.create(period="10m")
        self.assertEqual(auth["lease_duration"], 600)
        renewed = client(auth["client_token"]).auth.token.renew_self(increment="3h")
        self.assertEqual(renewed["auth"]["lease_duration"], 600)
        self.assertEqual(self.root.auth.token.lookup(auth["client_token"])["data"]["period"], 600)

    def test_creation_ttl_above_explicit_max_is_capped(self):
        auth = self.create(ttl="2h", explicit_max_ttl="10m")
        self.assertEqual(auth["lease_duration"], 600)


class UseLimits(TesseraCase):
    def test_one_use_token_works_exactly_once(self):
        auth = self.create(ttl="1h", num_uses=1)
        one_use = client(auth["client_token"])
        one_use.auth.token.lookup_self()
        with self.assertRaises(errors.Forbidden):
            one_use.auth.token.lookup_self()

    def test_each_request_spends_one_use(self):
        auth = self.create(ttl="1h", num_uses=3)
        limited = client(auth["client_token"])
        first = limited.auth.token.lookup_self()["data"]["num_uses"]
        second = limited.auth.token.lookup_self()["data"]["num_uses"]
        self.assertEqual(first - second, 1)
        limited.auth.token.lookup_self()
        self.assertTokenRejected(auth["client_token"])

    def test_use_limited_token_cannot_create_children(self):
        auth = self.create(ttl="1h", num_uses=5)
        with self.assertRaises((errors.Forbidden, errors.InvalidRequest)):
            self.create(parent=client(auth["client_token"]), ttl="1m")


class Trees(TesseraCase):
    def make_chain(self):
        parent = self.create(ttl="1h")
        child = self.create(parent=client(parent["client_token"]), ttl="1h")
        grandchild = self.create(parent=client(child["client_token"]), ttl="1h")
        return parent, child, grandchild

    def test_revoking_a_token_revokes_its_whole_subtree(self):
        parent, child, grandchild = self.make_chain()
        sibling = self.create(ttl="1h")
        self.root.auth.token.revoke(parent["client_token"])
        for auth in (parent, child, grandchild):
            self.assertTokenRejected(auth["client_token"])
        client(sibling["client_token"]).auth.token.lookup_self()

    def test_revoke_orphan_keeps_the_children_as_orphans(self):
        parent, child, grandchild = self.make_chain()
        self.root.auth.token.revoke_and_orphan_children(parent["client_token"])
        self.assertTokenRejected(parent["client_token"])
        data = client(child["client_token"]).auth.token.lookup_self()["data"]
        self.assertTrue(data["orphan"])
        grand = client(grandchild["client_token"]).auth.token.lookup_self()["data"]
        self.assertFalse(grand["orphan"])
        # The grandchild still belongs to the child's tree.
        self.root.auth.token.revoke(child["client_token"])
        self.assertTokenRejected(grandchild["client_token"])


class Roles(TesseraCase):
    def test_role_round_trip_and_listing(self):
        name = unique("visitor")
        self.root.auth.token.create_or_update_role(
            name, allowed_policies=["default"], orphan=True, renewable=False)
        data = self.root.auth.token.read_role(name)["data"]
        self.assertEqual(data["name"], name)
        self.assertEqual(data["allowed_policies"], ["default"])
        self.assertTrue(data["orphan"])
        self.assertFalse(data["renewable"])
        self.assertIn(name, self.root.auth.token.list_roles()["data"]["keys"])
        self.assertIn(name, self.root.list("auth/token/roles")["data"]["keys"])

        self.root.auth.token.delete_role(name)
        with self.assertRaises(errors.InvalidPath):
            self.root.auth.token.read_role(name)

    def test_token_created_from_role_follows_the_role(self):
        name = unique("daypass")
        self.root.write(f"auth/token/roles/{name}", allowed_policies=["default"],
                        orphan=True, renewable=False, token_explicit_max_ttl="2h",
                        token_ttl="1h")
        auth = self.create(role_name=name)
        self.assertFalse(auth["renewable"])
        self.assertEqual(auth["lease_duration"], 3600)
        data = self.root.auth.token.lookup(auth["client_token"])["data"]
        self.assertEqual(data["role"], name)
        self.assertTrue(data["orphan"])
        self.assertEqual(data["path"], f"auth/token/create/{name}")
        self.assertEqual(data["explicit_max_ttl"], 7200)

    def test_role_refuses_policies_it_does_not_allow(self):
        policy = unique("archive")
        self.root.sys.create_or_update_policy(policy, EBOOKS_POLICY)
        name = unique("reading-room")
        self.root.auth.token.create_or_update_role(name, allowed_policies=["default"])
        with self.assertRaises((errors.InvalidRequest, errors.Forbidden)):
            self.create(role_name=name, policies=[policy])

    def test_unknown_role_is_refused(self):
        with self.assertRaises((errors.InvalidRequest, errors.InvalidPath)):
            self.create(role_name=unique("missing"))


class Userpass(TesseraCase):
    def test_user_created_with_hvac_logs_in_with_their_policies(self):
        policy = unique("patron")
        self.root.sys.create_or_update_policy(policy, EBOOKS_POLICY)
        user = unique("ana")
        self.root.auth.userpass.create_or_update_user(
            user, password="correct horse battery", policies=[policy], token_ttl="20m")
        self.assertIn(user, self.root.auth.userpass.list_user()["data"]["keys"])
        self.assertIn(policy, self.root.auth.userpass.read_user(user)["data"]["token_policies"])

        patron = client()
        login = patron.auth.userpass.login(user, "correct horse battery")
        self.assertEqual(patron.token, login["auth"]["client_token"])
        self.assertIn(policy, login["auth"]["policies"])
        self.assertEqual(login["auth"]["metadata"]["username"], user)
        self.assertEqual(login["auth"]["lease_duration"], 1200)
        data = patron.auth.token.lookup_self()["data"]
        self.assertEqual(data["path"], f"auth/userpass/login/{user}")

    def test_wrong_password_is_refused(self):
        user = unique("ben")
        self.root.auth.userpass.create_or_update_user(user, password="right one")
        with self.assertRaises(errors.InvalidRequest):
            client().auth.userpass.login(user, "wrong one")
        with self.assertRaises(errors.InvalidRequest):
            client().auth.userpass.login(unique("nobody"), "right one")

    def test_deleted_user_cannot_log_in(self):
        user = unique("cid")
        self.root.auth.userpass.create_or_update_user(user, password="pass phrase")
        client().auth.userpass.login(user, "pass phrase")
        self.root.auth.userpass.delete_user(user)
        with self.assertRaises(errors.InvalidRequest):
            client().auth.userpass.login(user, "pass phrase")


class TotpLogin(TesseraCase):
    """Vault's login MFA with codes from Debian's oathtool: an implementation
    of RFC 6238 that is not Tessera's."""

    def enrolled_user(self):
        user = unique("archivist")
        self.root.auth.userpass.create_or_update_user(user, password="archive stacks 7")
        enrolled = subprocess.run(
            [os.environ["TESSERA_CLI"], "user", "totp", "enable", user, "--json",
             "--store", os.environ["TESSERA_STORE"]],
            check=True, capture_output=True, text=True)
        return user, json.loads(enrolled.stdout)["secret"]

    @staticmethod
    def code(secret, steps=0):
        # oathtool's --now takes a date: a code `steps` time steps away from now.
        return subprocess.run(
            ["oathtool", "--totp", "-b", secret, "--now", f"{30 * steps:+d} seconds"],
            check=True, capture_output=True, text=True).stdout.strip()

    def login(self, user, code=None):
        headers = {"X-Vault-MFA": f"totp:{code}"} if code else {}
        return client().adapter.post(f"/v1/auth/userpass/login/{user}",
                                     json={"password": "archive stacks 7"}, headers=headers)

    def test_two_steps_then_the_header_with_the_next_code(self):
        user, secret = self.enrolled_user()
        first = self.login(user)
        requirement = first["auth"]["mfa_requirement"]
        self.assertFalse(first["auth"].get("client_token"))
        self.assertIn("totp", requirement["mfa_constraints"])
        validated = client().adapter.post("/v1/sys/mfa/validate", json={
            "mfa_request_id": requirement["mfa_request_id"],
            "mfa_payload": {"totp": [self.code(secret)]}})
        token = validated["auth"]["client_token"]
        self.assertEqual(client(token).auth.token.lookup_self()["data"]["meta"]["username"], user)
        # One step of drift ahead is accepted, in one request with the password.
        ahead = self.code(secret, +1)
        self.assertTrue(self.login(user, ahead)["auth"]["client_token"])
        # The same code again: refused, although its window is still open.
        with self.assertRaises(errors.Forbidden):
            self.login(user, ahead)
        # Three steps ahead is more than the drift allowed (two would be one
        # step away if the clock ticked over meanwhile).
        with self.assertRaises(errors.Forbidden):
            self.login(user, self.code(secret, +3))

    def test_a_code_one_step_behind_is_accepted(self):
        user, secret = self.enrolled_user()
        # Not in the last two seconds of a step: the code must still be one
        # step behind, not two, when the server reads it.
        seconds = time.time() % 30
        if seconds > 28:
            time.sleep(30.1 - seconds)
        self.assertTrue(self.login(user, self.code(secret, -1))["auth"]["client_token"])

    def test_wrong_codes_lock_the_user_even_with_the_right_password(self):
        user, secret = self.enrolled_user()
        for _ in range(5):
            with self.assertRaises(errors.Forbidden):
                self.login(user, self.code(secret, +5))
        with self.assertRaises(errors.RateLimitExceeded):
            self.login(user, self.code(secret))


class Cubbyhole(TesseraCase):
    def test_cubbyhole_is_private_to_its_token(self):
        owner = client(self.create(ttl="1h")["client_token"])
        other = client(self.create(ttl="1h")["client_token"])
        owner.write("cubbyhole/loan", card="0042", due="2026-12-01")
        self.assertEqual(owner.read("cubbyhole/loan")["data"],
                         {"card": "0042", "due": "2026-12-01"})
        self.assertEqual(owner.list("cubbyhole")["data"]["keys"], ["loan"])
        self.assertIsNone(other.read("cubbyhole/loan"))

        owner.delete("cubbyhole/loan")
        self.assertIsNone(owner.read("cubbyhole/loan"))

    def test_cubbyhole_goes_with_its_token(self):
        auth = self.create(ttl="1h")
        client(auth["client_token"]).write("cubbyhole/note", text="hello")
        self.root.auth.token.revoke(auth["client_token"])
        with self.assertRaises(errors.Forbidden):
            client(auth["client_token"]).read("cubbyhole/note")


class Policies(TesseraCase):
    def test_hcl_policy_round_trips_through_sys_policy(self):
        name = unique("ebooks")
        self.root.sys.create_or_update_policy(name, EBOOKS_POLICY)
        self.assertIn(name, self.root.sys.list_policies()["data"]["policies"])
        rules = self.root.sys.read_policy(name)["data"]["rules"]
        self.assertIn('path "ebooks/*"', rules)
        self.assertEqual(self.root.get_policy(name), rules)

        self.root.sys.delete_policy(name)
        self.assertNotIn(name, self.root.sys.list_policies()["data"]["policies"])

    def test_json_policy_is_accepted(self):
        name = unique("json")
        self.root.sys.create_or_update_policy(
            name, {"path": {"ebooks/*": {"capabilities": ["read"]}}})
        token = self.create(policies=[name], ttl="1h")["client_token"]
        caps = client(token).sys.get_capabilities(["ebooks/moby-dick"])
        self.assertEqual(caps["capabilities"], ["read"])

    def test_malformed_policy_is_refused_and_changes_nothing(self):
        name = unique("broken")
        with self.assertRaises(errors.InvalidRequest):
            self.root.sys.create_or_update_policy(name, 'path "ebooks/*" { capabilities = ')
        self.assertNotIn(name, self.root.sys.list_policies()["data"]["policies"])

    def test_deleted_policy_can_no_longer_be_read(self):
        name = unique("temporary")
        self.root.sys.create_or_update_policy(name, EBOOKS_POLICY)
        self.root.sys.delete_policy(name)
        self.assertIsNone(self.root.get_policy(name))


class Capabilities(TesseraCase):
    def setUp(self):
        super().setUp()
        self.policy = unique("shelf")
        self.root.sys.create_or_update_policy(self.policy, EBOOKS_POLICY)
        self.patron = self.create(policies=[self.policy], ttl="1h")

    def test_capabilities_self_answers_for_a_document(self):
        caps = client(self.patron["client_token"]).sys.get_capabilities(
            ["ebooks/moby-dick"])
        self.assertEqual(sorted(caps["capabilities"]), ["list", "read"])
        self.assertEqual(sorted(caps["ebooks/moby-dick"]), ["list", "read"])

    def test_deny_wins_over_a_broader_grant(self):
        caps = client(self.patron["client_token"]).sys.get_capabilities(
            ["ebooks/staff/salaries"])
        self.assertEqual(caps["capabilities"], ["deny"])

    def test_paths_outside_the_policy_are_denied(self):
        caps = client(self.patron["client_token"]).sys.get_capabilities(["archive/letters"])
        self.assertEqual(caps["capabilities"], ["deny"])

    def test_capabilities_of_another_token_and_by_accessor(self):
        by_token = self.root.sys.get_capabilities(
            ["ebooks/moby-dick", "archive/letters"], token=self.patron["client_token"])
        self.assertEqual(sorted(by_token["ebooks/moby-dick"]), ["list", "read"])
        self.assertEqual(by_token["archive/letters"], ["deny"])
        by_accessor = self.root.sys.get_capabilities(
            ["ebooks/moby-dick"], accessor=self.patron["accessor"])
        self.assertEqual(sorted(by_accessor["capabilities"]), ["list", "read"])

    def test_root_may_do_everything(self):
        caps = self.root.sys.get_capabilities(["anything/at/all"])
        self.assertEqual(caps["capabilities"], ["root"])


class Health(TesseraCase):
    def test_health_reports_initialized_and_unsealed(self):
        health = client().sys.read_health_status(method="GET")
        self.assertTrue(health["initialized"])
        self.assertFalse(health["sealed"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
