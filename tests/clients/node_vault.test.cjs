// node-vault (npm) against `tessera-cli serve`: the basic flow a Node.js
// library web site uses. Run by run_with_server.py (VAULT_ADDR, VAULT_TOKEN);
// node_modules come from the build folder through NODE_PATH.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const nodeVault = require('node-vault');

const rootToken = process.env.VAULT_TOKEN;

// node-vault replaces a client's token with the one a create or renew
// returns, so every call that must stay root gets its own client.
function vault(token) {
    return nodeVault({ apiVersion: 'v1', endpoint: process.env.VAULT_ADDR, token });
}

function unique(prefix) {
    return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

async function createToken(params) {
    const response = await vault(rootToken).tokenCreate(params);
    assert.ok(response.auth, 'create returns an auth block');
    return response.auth;
}

async function assertRejected(token) {
    await assert.rejects(vault(token).tokenLookupSelf(), (error) => {
        assert.equal(error.response.statusCode, 403);
        assert.ok(Array.isArray(error.response.body.errors));
        return true;
    });
}

test('created token looks itself up', async () => {
    const auth = await createToken({
        ttl: '1h',
        display_name: 'kiosk',
        policies: ['default'],
        meta: { desk: 'north' },
    });
    assert.match(auth.client_token, /^tss\./);
    assert.equal(auth.lease_duration, 3600);
    const { data } = await vault(auth.client_token).tokenLookupSelf();
    assert.equal(data.accessor, auth.accessor);
    assert.deepEqual(data.meta, { desk: 'north' });
    assert.ok(data.policies.includes('default'));
    assert.ok(data.ttl > 3500 && data.ttl <= 3600, `ttl ${data.ttl}`);
});

test('lookup and lookup by accessor agree', async () => {
    const auth = await createToken({ ttl: '30m' });
    const byToken = await vault(rootToken).tokenLookup({ token: auth.client_token });
    const byAccessor = await vault(rootToken).tokenLookupAccessor({ accessor: auth.accessor });
    assert.equal(byToken.data.accessor, byAccessor.data.accessor);
    assert.equal(byToken.data.creation_ttl, 1800);
    assert.equal(byAccessor.data.creation_ttl, 1800);
});

test('renew-self extends the TTL and keeps the token', async () => {
    const auth = await createToken({ ttl: '1m' });
    const client = vault(auth.client_token);
    const renewed = await client.tokenRenewSelf({ increment: '2h' });
    assert.equal(renewed.auth.client_token, auth.client_token);
    assert.equal(renewed.auth.lease_duration, 7200);
    const { data } = await client.tokenLookupSelf();
    assert.ok(data.ttl > 7100, `ttl ${data.ttl}`);
});

test('renew by another token is capped by the explicit max TTL', async () => {
    const auth = await createToken({ ttl: '1m', explicit_max_ttl: '3m' });
    const renewed = await vault(rootToken).tokenRenew({ token: auth.client_token, increment: 86400 });
    assert.ok(renewed.auth.lease_duration <= 180, `lease ${renewed.auth.lease_duration}`);
    assert.ok(renewed.warnings && renewed.warnings.length > 0, 'a warning says the TTL was capped');
});

test('revoke removes the token and its children', async () => {
    const parent = await createToken({ ttl: '1h' });
    const child = (await vault(parent.client_token).tokenCreate({ ttl: '1h' })).auth;
    await vault(rootToken).tokenRevoke({ token: parent.client_token });
    await assertRejected(parent.client_token);
    await assertRejected(child.client_token);
});

test('revoke-self and revoke by accessor', async () => {
    const self = await createToken({ ttl: '1h' });
    await vault(self.client_token).tokenRevokeSelf();
    await assertRejected(self.client_token);
    const byAccessor = await createToken({ ttl: '1h' });
    await vault(rootToken).tokenRevokeAccessor({ accessor: byAccessor.accessor });
    await assertRejected(byAccessor.client_token);
});

test('create-orphan and revoke-orphan', async () => {
    const orphan = (await vault(rootToken).tokenCreateOrphan({ ttl: '1h' })).auth;
    assert.equal((await vault(orphan.client_token).tokenLookupSelf()).data.orphan, true);
    const child = (await vault(orphan.client_token).tokenCreate({ ttl: '1h' })).auth;
    await vault(rootToken).tokenRevokeOrphan({ token: orphan.client_token });
    await assertRejected(orphan.client_token);
    assert.equal((await vault(child.client_token).tokenLookupSelf()).data.orphan, true);
});

test('token roles: write, list, read, issue from, delete', async () => {
    const name = unique('semester');
    const root = vault(rootToken);
    await root.addTokenRole({
        role_name: name,
        allowed_policies: 'default',
        orphan: true,
        renewable: true,
        explicit_max_ttl: 7200,
    });
    assert.ok((await root.tokenRoles()).data.keys.includes(name));
    const role = await root.getTokenRole({ role_name: name });
    assert.equal(role.data.orphan, true);
    assert.equal(role.data.explicit_max_ttl, 7200);

    const auth = (await vault(rootToken).tokenCreateRole({ role_name: name, ttl: '1h' })).auth;
    const { data } = await vault(auth.client_token).tokenLookupSelf();
    assert.equal(data.role, name);
    assert.equal(data.orphan, true);
    assert.equal(data.explicit_max_ttl, 7200);

    await root.removeTokenRole({ role_name: name });
    await assert.rejects(root.getTokenRole({ role_name: name }), (error) => {
        assert.equal(error.response.statusCode, 404);
        return true;
    });
});

test('policies: add (HCL, node-vault README style), list, read, apply, remove', async () => {
    const name = unique('ebooks');
    const root = vault(rootToken);
    const rules = 'path "ebooks/*" {\n  capabilities = ["read"]\n}\n';
    await root.addPolicy({ name, rules });
    assert.ok((await root.policies()).policies.includes(name));
    const read = await root.getPolicy({ name });
    assert.match(read.rules, /ebooks\/\*/);

    const patron = await createToken({ ttl: '1h', policies: [name] });
    const caps = await vault(patron.client_token).write('sys/capabilities-self', {
        paths: ['ebooks/ulysses', 'archive/letters'],
    });
    assert.deepEqual(caps['ebooks/ulysses'], ['read']);
    assert.deepEqual(caps['archive/letters'], ['deny']);

    await root.removePolicy({ name });
    assert.ok(!(await root.policies()).policies.includes(name));
});

test('health is reported without a token', async () => {
    const health = await vault().health();
    assert.equal(health.initialized, true);
    assert.equal(health.sealed, false);
});
