// A library web site's offline check of Tessera's JWT access tokens with the
// `jose` package (npm): keys fetched once from the JWKS endpoint with
// createRemoteJWKSet, every token verified locally. Run by run_with_server.py
// (VAULT_ADDR, VAULT_TOKEN); node_modules come from the build folder.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const jose = require('jose');

const addr = process.env.VAULT_ADDR;
const rootToken = process.env.VAULT_TOKEN;
const mintPolicy = `jwt-minting-${crypto.randomBytes(4).toString('hex')}`;
const jwksUrl = new URL(`${addr}/v1/identity/oidc/.well-known/keys`);

async function call(method, path, token, body) {
    const headers = {};
    if (token)
        headers['X-Vault-Token'] = token;
    if (body !== undefined)
        headers['Content-Type'] = 'application/json';
    const response = await fetch(`${addr}/v1/${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return json;
}

function unique(prefix) {
    return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

// A signing key and a role that mints tokens for its own audience (a role's
// client_id is unique, as in Vault) with it.
async function makeRole({ ttl = '10m', algorithm = 'EdDSA' } = {}) {
    const key = unique('site-key');
    const role = unique('catalog');
    const audience = `${role}.library.example`;
    await call('POST', `identity/oidc/key/${key}`, rootToken, {
        algorithm,
        rotation_period: '24h',
        verification_ttl: '1h',
        allowed_client_ids: ['*'],
    });
    await call('POST', `identity/oidc/role/${role}`, rootToken, { key, client_id: audience, ttl });
    return { key, role, audience };
}

// As in Vault, minting needs read on identity/oidc/token/<role>.
async function patron(ttl = '1h') {
    const created = await call('POST', 'auth/token/create', rootToken, {
        ttl,
        policies: ['default', mintPolicy],
    });
    return created.auth;
}

async function mint({ role, audience }, token) {
    const minted = await call('GET', `identity/oidc/token/${role}`, token);
    assert.equal(minted.data.client_id, audience);
    return minted.data.token;
}

let issuer;

// What the web site does for every request: verify offline, with the keys
// fetched from the JWKS endpoint (a fresh key set unless one is given).
function verify(jwt, site, options = {}, jwks = jose.createRemoteJWKSet(jwksUrl)) {
    return jose.jwtVerify(jwt, jwks, { issuer, audience: site.audience, ...options });
}

test.before(async () => {
    await call('PUT', `sys/policies/acl/${mintPolicy}`, rootToken, {
        policy: 'path "identity/oidc/token/*" {\n  capabilities = ["read"]\n}\n',
    });
    const discovery = await call('GET', 'identity/oidc/.well-known/openid-configuration');
    issuer = discovery.issuer;
    assert.ok(issuer, 'discovery names the issuer');
    assert.match(discovery.jwks_uri, /\/v1\/identity\/oidc\/\.well-known\/keys$/);
    assert.ok(discovery.id_token_signing_alg_values_supported.includes('EdDSA'));
});

test('minted token verifies offline against the JWKS', async () => {
    const site = await makeRole();
    const auth = await patron();
    const jwt = await mint(site, auth.client_token);
    const { payload, protectedHeader } = await verify(jwt, site);
    assert.equal(protectedHeader.alg, 'EdDSA');
    assert.ok(protectedHeader.kid);
    assert.equal(payload.sub, auth.accessor);
    assert.equal(payload.exp - payload.iat, 600);
    assert.ok(payload.jti);
    assert.ok(payload.policies.includes('default'));
});

test('ES256 keys verify too', async () => {
    const site = await makeRole({ algorithm: 'ES256' });
    const jwt = await mint(site, (await patron()).client_token);
    const { protectedHeader } = await verify(jwt, site);
    assert.equal(protectedHeader.alg, 'ES256');
});

test('tampered token is rejected', async () => {
    const site = await makeRole();
    const jwt = await mint(site, (await patron()).client_token);
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url'));
    claims.policies = ['root'];
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await assert.rejects(verify(forged, site), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
});

test('unsigned and algorithm-confused tokens are rejected', async () => {
    const site = await makeRole();
    const jwt = await mint(site, (await patron()).client_token);
    const { kid } = jose.decodeProtectedHeader(jwt);
    const claims = jose.decodeJwt(jwt);
    const unsigned = new jose.UnsecuredJWT(claims).encode();
    await assert.rejects(verify(unsigned, site));
    // HS256 "signed" with the public key as the secret: a classic confusion.
    const jwks = await (await fetch(jwksUrl)).json();
    const publicKey = jwks.keys.find((key) => key.kid === kid);
    const confused = await new jose.SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid })
        .sign(Buffer.from(publicKey.x, 'base64url'));
    await assert.rejects(verify(confused, site));
});

test('token for another audience is rejected', async () => {
    const site = await makeRole();
    const jwt = await mint(site, (await patron()).client_token);
    await verify(jwt, site);
    await assert.rejects(verify(jwt, site, { audience: 'opac.other.example' }), {
        code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
        claim: 'aud',
    });
});

test('expired token is rejected', async () => {
    const site = await makeRole({ ttl: '1s' });
    const jwt = await mint(site, (await patron()).client_token);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await assert.rejects(verify(jwt, site), { code: 'ERR_JWT_EXPIRED' });
});

test('token TTL never outlives the token it was minted for', async () => {
    const site = await makeRole({ ttl: '1h' });
    const jwt = await mint(site, (await patron('2m')).client_token);
    const claims = jose.decodeJwt(jwt);
    assert.ok(claims.exp - claims.iat <= 120, `lifetime ${claims.exp - claims.iat}`);
});

test('after key rotation old tokens verify until they expire', async () => {
    const site = await makeRole();
    const auth = await patron();
    // The site fetched the key set before the rotation and keeps it; it
    // refetches when it meets an unknown kid.
    const jwks = jose.createRemoteJWKSet(jwksUrl, { cooldownDuration: 0 });
    const before = await mint(site, auth.client_token);
    await verify(before, site, {}, jwks);

    await call('POST', `identity/oidc/key/${site.key}/rotate`, rootToken, {});
    const after = await mint(site, auth.client_token);
    const oldKid = jose.decodeProtectedHeader(before).kid;
    const newKid = jose.decodeProtectedHeader(after).kid;
    assert.notEqual(oldKid, newKid, 'rotation signs with a new key');
    await verify(after, site, {}, jwks);
    await verify(before, site, {}, jwks);
    await verify(before, site); // a site that fetches the keys only now
    const published = (await (await fetch(jwksUrl)).json()).keys.map((key) => key.kid);
    assert.ok(published.includes(oldKid) && published.includes(newKid), `${published}`);

    // ...and the old token stops verifying once its own exp has passed.
    const expiry = new Date((jose.decodeJwt(before).exp + 1) * 1000);
    await assert.rejects(verify(before, site, { currentDate: expiry }, jwks), { code: 'ERR_JWT_EXPIRED' });
});

test('revoked token cannot mint', async () => {
    const site = await makeRole();
    const auth = await patron();
    await call('POST', 'auth/token/revoke-self', auth.client_token, {});
    await assert.rejects(mint(site, auth.client_token), /403/);
});
