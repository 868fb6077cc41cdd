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
const audience = 'catalog.library.example';
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

// A signing key and a role that mints tokens for `audience` with it.
async function makeRole({ ttl = '10m', algorithm = 'EdDSA' } = {}) {
    const key = unique('site-key');
    const role = unique('catalog');
    await call('POST', `identity/oidc/key/${key}`, rootToken, {
        algorithm,
        rotation_period: '24h',
        verification_ttl: '1h',
        allowed_client_ids: ['*'],
    });
    await call('POST', `identity/oidc/role/${role}`, rootToken, { key, client_id: audience, ttl });
    return { key, role };
}

async function patron() {
    const created = await call('POST', 'auth/token/create', rootToken, { ttl: '1h', policies: ['default'] });
    return created.auth;
}

async function mint(role, token) {
    const minted = await call('GET', `identity/oidc/token/${role}`, token);
    assert.equal(minted.data.client_id, audience);
    return minted.data.token;
}

let issuer;

test.before(async () => {
    const discovery = await call('GET', 'identity/oidc/.well-known/openid-configuration');
    issuer = discovery.issuer;
    assert.ok(issuer, 'discovery names the issuer');
    assert.match(discovery.jwks_uri, /\/v1\/identity\/oidc\/\.well-known\/keys$/);
    assert.ok(discovery.id_token_signing_alg_values_supported.includes('EdDSA'));
});

test('minted token verifies offline against the JWKS', async () => {
    const { role } = await makeRole();
    const auth = await patron();
    const jwt = await mint(role, auth.client_token);
    const { payload, protectedHeader } = await jose.jwtVerify(jwt, jose.createRemoteJWKSet(jwksUrl), {
        issuer,
        audience,
    });
    assert.equal(protectedHeader.alg, 'EdDSA');
    assert.ok(protectedHeader.kid);
    assert.equal(payload.sub, auth.accessor);
    assert.equal(payload.exp - payload.iat, 600);
    assert.ok(payload.jti);
    assert.ok(payload.policies.includes('default'));
});

test('ES256 keys verify too', async () => {
    const { role } = await makeRole({ algorithm: 'ES256' });
    const jwt = await mint(role, (await patron()).client_token);
    const { protectedHeader } = await jose.jwtVerify(jwt, jose.createRemoteJWKSet(jwksUrl), { issuer, audience });
    assert.equal(protectedHeader.alg, 'ES256');
});

test('tampered token is rejected', async () => {
    const { role } = await makeRole();
    const jwt = await mint(role, (await patron()).client_token);
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url'));
    claims.policies = ['root'];
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await assert.rejects(jose.jwtVerify(forged, jose.createRemoteJWKSet(jwksUrl), { issuer, audience }), {
        code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
});

test('unsigned and algorithm-confused tokens are rejected', async () => {
    const { role } = await makeRole();
    const jwt = await mint(role, (await patron()).client_token);
    const { kid } = jose.decodeProtectedHeader(jwt);
    const claims = jose.decodeJwt(jwt);
    const unsigned = new jose.UnsecuredJWT(claims).encode();
    await assert.rejects(jose.jwtVerify(unsigned, jose.createRemoteJWKSet(jwksUrl), { issuer, audience }));
    // HS256 "signed" with the public key as the secret: a classic confusion.
    const jwks = await (await fetch(jwksUrl)).json();
    const publicKey = jwks.keys.find((key) => key.kid === kid);
    const confused = await new jose.SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid })
        .sign(Buffer.from(publicKey.x, 'base64url'));
    await assert.rejects(jose.jwtVerify(confused, jose.createRemoteJWKSet(jwksUrl), { issuer, audience }));
});

test('token for another audience is rejected', async () => {
    const { role } = await makeRole();
    const jwt = await mint(role, (await patron()).client_token);
    await assert.rejects(
        jose.jwtVerify(jwt, jose.createRemoteJWKSet(jwksUrl), { issuer, audience: 'opac.other.example' }),
        { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' },
    );
});

test('expired token is rejected', async () => {
    const { role } = await makeRole({ ttl: '1s' });
    const jwt = await mint(role, (await patron()).client_token);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await assert.rejects(jose.jwtVerify(jwt, jose.createRemoteJWKSet(jwksUrl), { issuer, audience }), {
        code: 'ERR_JWT_EXPIRED',
    });
});

test('token TTL never outlives the token it was minted for', async () => {
    const { role } = await makeRole({ ttl: '1h' });
    const short = await call('POST', 'auth/token/create', rootToken, { ttl: '2m' });
    const jwt = await mint(role, short.auth.client_token);
    const claims = jose.decodeJwt(jwt);
    assert.ok(claims.exp - claims.iat <= 120, `lifetime ${claims.exp - claims.iat}`);
});

test('after key rotation old tokens verify until they expire', async () => {
    const { key, role } = await makeRole();
    const auth = await patron();
    const before = await mint(role, auth.client_token);
    await call('POST', `identity/oidc/key/${key}/rotate`, rootToken, {});
    const after = await mint(role, auth.client_token);
    const oldKid = jose.decodeProtectedHeader(before).kid;
    const newKid = jose.decodeProtectedHeader(after).kid;
    assert.notEqual(oldKid, newKid, 'rotation signs with a new key');

    // A site that cached the old key set refetches when it meets the new kid.
    const jwks = jose.createRemoteJWKSet(jwksUrl, { cooldownDuration: 0 });
    await jose.jwtVerify(before, jwks, { issuer, audience });
    await jose.jwtVerify(after, jwks, { issuer, audience });
    const published = (await (await fetch(jwksUrl)).json()).keys.map((k) => k.kid);
    assert.ok(published.includes(oldKid) && published.includes(newKid));

    // ...and the old token stops verifying once its own exp has passed.
    const expiry = new Date((jose.decodeJwt(before).exp + 1) * 1000);
    await assert.rejects(jose.jwtVerify(before, jwks, { issuer, audience, currentDate: expiry }), {
        code: 'ERR_JWT_EXPIRED',
    });
});

test('revoked token cannot mint', async () => {
    const { role } = await makeRole();
    const auth = await patron();
    await call('POST', 'auth/token/revoke-self', auth.client_token, {});
    await assert.rejects(mint(role, auth.client_token), /403/);
});
