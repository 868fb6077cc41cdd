// The patron's side in a real browser: Debian's Chromium, driven headless by
// playwright-core, through nginx's auth_request to `tessera-cli serve`.
// Started by gate_browser.py (JOURNAL_URL, CHROMIUM, TESSERA_* in the environment).
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const journal = process.env.JOURNAL_URL;
const host = process.env.JOURNAL_HOST;
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ["--no-sandbox", `--host-resolver-rules=MAP ${host} 127.0.0.1`],
  });
});

after(async () => {
  await browser?.close();
});

async function newPage(locale = "en-GB") {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

async function signIn(page, user, password) {
  await page.getByLabel(/User name|Nombre de usuario/).fill(user);
  await page.getByLabel(/^Password$|^Contraseña$/).fill(password);
  await Promise.all([page.waitForNavigation(), page.getByRole("button").click()]);
}

// Polls `check` until it holds: another process's revocation reaches the
// server's cache within its epoch check, not at once.
async function eventually(check, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function onSignInPage(page) {
  return new URL(page.url()).pathname === "/gate/sign-in";
}

test("an unsigned patron is sent to the sign-in page, signs in and reads article 42 only", async () => {
  const { context, page } = await newPage();
  await page.goto(`${journal}/articles/42/`);
  assert.ok(onSignInPage(page), page.url());
  assert.equal(new URL(page.url()).searchParams.get("rd"), "/articles/42/");
  assert.equal(await page.locator("h1").textContent(), "Sign in to the library");

  await signIn(page, "patron42", "reading room 42");
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  assert.equal(await page.locator("#title").textContent(), "Article 42: Quiet rooms");
  const figureWidth = await page.locator("#figure").evaluate((image) => image.naturalWidth);
  assert.equal(figureWidth, 200, "the article's image is checked and served too");

  const forbidden = await page.goto(`${journal}/articles/43/`);
  assert.equal(forbidden.status(), 403);
  await context.close();
});

// A batch of passes printed by the desk: the codes under the QR codes, read
// back from the batch's CSV (its last column).
function passCodes(count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passes-"));
  const csv = path.join(dir, "passes.csv");
  execFileSync(process.env.TESSERA_CLI,
               ["token", "batch", "--role", "class-visit", "--count", String(count),
                "--sheet", path.join(dir, "passes.pdf"), "--csv", csv,
                "--store", process.env.TESSERA_STORE]);
  const rows = fs.readFileSync(csv, "utf8").trim().split(/\r?\n/).slice(1);
  fs.rmSync(dir, { recursive: true, force: true });
  return rows.map((row) => row.split(",").at(-1));
}

test("a patron types the code printed on a pass and reads article 42", async () => {
  const [code] = passCodes(1);
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
  const { context, page } = await newPage();
  await page.goto(`${journal}/articles/42/`);
  assert.ok(onSignInPage(page), page.url());
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole("link", { name: "Sign in with a pass code" }).click(),
  ]);
  assert.equal(new URL(page.url()).pathname, "/gate/sign-in/pass");

  // A typo is caught and said plainly; the code is not written back.
  const typo = code.slice(0, -1) + (code.endsWith("7") ? "8" : "7");
  await page.getByLabel("Pass code").fill(typo);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Sign in" }).click()]);
  assert.match(await page.getByRole("alert").textContent(), /typo/);
  assert.equal(await page.getByLabel("Pass code").inputValue(), "");

  // Typed loosely: small letters, spaces for hyphens.
  await page.getByLabel("Pass code").fill(code.toLowerCase().replaceAll("-", " "));
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Sign in" }).click()]);
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  assert.equal(await page.locator("#title").textContent(), "Article 42: Quiet rooms");
  const cookie = (await context.cookies()).find((c) => c.name === "tessera_token");
  assert.ok(cookie && cookie.httpOnly, "the pass's token is kept like a password sign-in's");
  await context.close();
});

test("the token cookie is HttpOnly, SameSite=Lax, and invisible to scripts", async () => {
  const { context, page } = await newPage();
  await page.goto(`${journal}/articles/42/`);
  await signIn(page, "patron42", "reading room 42");
  const cookie = (await context.cookies()).find((c) => c.name === "tessera_token");
  assert.ok(cookie, "the browser keeps the token");
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, "Lax");
  assert.equal(cookie.path, "/");
  assert.ok(cookie.expires > Date.now() / 1000 + 3000, "lives as long as the token");
  assert.ok(!(await page.evaluate(() => document.cookie)).includes("tessera_token"));
  await context.close();
});

test("a token revoked by tessera-cli in another process is out on its next page", async () => {
  const { context, page } = await newPage();
  await page.goto(`${journal}/articles/42/`);
  await signIn(page, "patron42", "reading room 42");
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  const token = (await context.cookies()).find((c) => c.name === "tessera_token").value;
  const lookup = await fetch(`${process.env.VAULT_ADDR}/v1/auth/token/lookup`, {
    method: "POST",
    headers: { "X-Vault-Token": process.env.VAULT_TOKEN },
    body: JSON.stringify({ token }),
  });
  const accessor = (await lookup.json()).data.accessor;
  execFileSync(process.env.TESSERA_CLI,
               ["token", "revoke", accessor, "--store", process.env.TESSERA_STORE]);
  await eventually(async () => {
    await page.goto(`${journal}/articles/42/`);
    return onSignInPage(page);
  }, "the revoked patron is asked to sign in");
  await context.close();
});

test("signing out ends the token: the next page is the sign-in page", async () => {
  const { context, page } = await newPage();
  await page.goto(`${journal}/articles/42/`);
  await signIn(page, "patron42", "reading room 42");
  await page.goto(`${journal}/gate/sign-out`);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole("button", { name: "Sign out", exact: true }).click(),
  ]);
  assert.equal(await page.locator("h1").textContent(), "You are signed out");
  assert.ok(!(await context.cookies()).some((c) => c.name === "tessera_token"));
  await page.goto(`${journal}/articles/42/`);
  assert.ok(onSignInPage(page), page.url());
  await context.close();
});

test("a token past its TTL sends the patron back to the sign-in page", async () => {
  const { context, page } = await newPage();
  await page.goto(`${journal}/articles/42/`);
  await signIn(page, "visitor", "day visitor"); // token_ttl 3 s
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  await eventually(async () => {
    await page.goto(`${journal}/articles/42/`);
    return onSignInPage(page);
  }, "the expired token is refused", 15000);
  await context.close();
});

test("a redirect to another site is not followed", async () => {
  const { context, page } = await newPage();
  await page.goto(`${journal}/gate/sign-in?rd=${encodeURIComponent("https://evil.example/")}`);
  assert.match(await page.locator(".notice").textContent(), /not one the library links to/);
  await signIn(page, "patron42", "reading room 42");
  assert.equal(new URL(page.url()).host, new URL(journal).host);
  assert.equal(await page.locator("h1").textContent(), "You are signed in");
  await context.close();
});

test("a wrong password is refused in plain words and keeps the user name", async () => {
  const { context, page } = await newPage();
  await page.goto(`${journal}/articles/42/`);
  await signIn(page, "patron42", "not the password");
  assert.ok(onSignInPage(page));
  assert.equal(await page.getByRole("alert").textContent(),
               "The user name or the password is wrong.");
  assert.equal(await page.getByLabel("User name or library card number").inputValue(), "patron42");
  await context.close();
});

test("a one-use link shows its document exactly once", async () => {
  const created = execFileSync(process.env.TESSERA_CLI, [
    "token", "link", "--path", `gate/${host}/articles/43/`, "--ttl", "1h",
    "--base-url", journal, "--store", process.env.TESSERA_STORE, "--json",
  ]);
  const link = JSON.parse(created).url;
  assert.ok(link.startsWith(`${journal}/gate/redeem?t=`), link);

  const { context, page } = await newPage();
  await page.goto(link);
  assert.equal(new URL(page.url()).pathname, "/articles/43/");
  assert.equal(await page.locator("#title").textContent(), "Article 43: Card catalogues");
  const cookie = (await context.cookies()).find((c) => c.name === "tessera_token");
  assert.equal(cookie.path, "/articles/43/", "the link's cookie goes to its document only");
  assert.equal(cookie.httpOnly, true);

  await page.goto(`${journal}/articles/43/`);
  assert.ok(onSignInPage(page), "the document a second time: " + page.url());
  assert.match(await page.locator(".notice").textContent(), /link has been used/);

  const again = await page.goto(link);
  assert.equal(again.status(), 410);
  assert.equal(await page.locator("h1").textContent(), "This link has been used");
  if (process.env.TESSERA_SCREENSHOTS) {
    await page.setViewportSize({ width: 720, height: 520 });
    await page.screenshot({ path: `${process.env.TESSERA_SCREENSHOTS}/gate-link-used-en.png` });
  }
  await context.close();
});

test("a patron with a phone gives its code after the password; a wrong code starts over", async () => {
  const store = ["--store", process.env.TESSERA_STORE];
  const enrolled = JSON.parse(execFileSync(process.env.TESSERA_CLI,
                                           ["user", "totp", "enable", "archivist", "--json", ...store]));
  const code = () => execFileSync("oathtool", ["--totp", "-b", enrolled.secret]).toString().trim();
  const { context, page } = await newPage();
  await page.goto(`${journal}/articles/42/`);
  await signIn(page, "archivist", "archive stacks 7");
  // The password was right, yet no token: the page asks for the code.
  assert.ok(onSignInPage(page), page.url());
  assert.equal((await context.cookies()).find((c) => c.name === "tessera_token"), undefined);
  const field = page.getByLabel("Six-digit code");
  if (process.env.TESSERA_SCREENSHOTS) {
    await page.setViewportSize({ width: 720, height: 520 });
    await page.screenshot({ path: `${process.env.TESSERA_SCREENSHOTS}/gate-sign-in-code-en.png` });
  }
  const wrong = code() === "000000" ? "111111" : "000000";
  await field.fill(wrong);
  await Promise.all([page.waitForNavigation(), page.getByRole("button").click()]);
  assert.match(await page.locator(".error").textContent(), /code was not right/);
  assert.ok(await page.getByLabel(/User name/).isVisible(), "a wrong code starts the sign-in over");

  await signIn(page, "archivist", "archive stacks 7");
  await page.getByLabel("Six-digit code").fill(code());
  await Promise.all([page.waitForNavigation(), page.getByRole("button").click()]);
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  assert.ok((await context.cookies()).find((c) => c.name === "tessera_token"));
  execFileSync(process.env.TESSERA_CLI, ["user", "totp", "disable", "archivist", ...store]);
  await context.close();
});

// Security keys: Chromium's virtual authenticator (DevTools WebAuthn domain)
// plays the patron's key on http://localhost, the gate's --gate-origin.
const keysUrl = process.env.KEYS_URL;

// A roaming key (USB, no PIN) by default; `internal` plays a platform
// authenticator that verifies its user (a fingerprint reader).
async function withVirtualKey(context, page, transport = "usb") {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const internal = transport === "internal";
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport, hasResidentKey: internal,
      hasUserVerification: internal, isUserVerified: internal,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

// Adds a key on the self-service page; true once the page says it was added.
async function addKey(page, name) {
  await page.getByLabel("Name of the key").fill(name);
  await page.getByRole("button", { name: "Add a security key" }).click();
  await page.waitForFunction(() => !document.getElementById("key-error")?.hidden ||
                                   document.querySelector(".notice, .error:not(#key-error)"));
  return (await page.locator(".notice").count()) > 0;
}

async function signOut(page) {
  await page.goto(`${keysUrl}/gate/sign-out`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole("button", { name: "Sign out", exact: true }).click()]);
}

async function useKey(page) {
  await Promise.all([page.waitForNavigation(),
                     page.getByRole("button", { name: "Use a security key" }).click()]);
}

test("a patron adds a security key after signing in, then signs in with it; replays, clones and removed keys are refused", async () => {
  const { context, page } = await newPage();
  const { cdp, authenticatorId } = await withVirtualKey(context, page);

  // The self-service page needs a password sign-in first.
  await page.goto(`${keysUrl}/gate/keys`);
  assert.ok(onSignInPage(page), page.url());
  await signIn(page, "keyholder", "blue key 12");
  assert.equal(new URL(page.url()).pathname, "/gate/keys");
  assert.match(await page.locator("main").textContent(), /no security key yet/);
  const messages = [];
  page.on("console", (message) => messages.push(message.text()));
  assert.ok(await addKey(page, "Blue key"), await page.locator("main").textContent() + messages.join("\n"));
  assert.match(await page.locator(".notice").textContent(), /key was added/);
  assert.equal(await page.locator("table.keys tbody tr").count(), 1);
  assert.match(await page.locator("table.keys tbody tr").textContent(), /Blue key.*never/);
  if (process.env.TESSERA_SCREENSHOTS) {
    await page.setViewportSize({ width: 720, height: 760 });
    await page.screenshot({ path: `${process.env.TESSERA_SCREENSHOTS}/gate-keys-en.png` });
  }
  await signOut(page);

  // The password alone no longer signs in: the key is asked for.
  await page.goto(`${keysUrl}/articles/42/`);
  await signIn(page, "keyholder", "blue key 12");
  assert.ok(onSignInPage(page), page.url());
  assert.equal((await context.cookies()).find((c) => c.name === "tessera_token"), undefined);
  if (process.env.TESSERA_SCREENSHOTS) {
    await page.setViewportSize({ width: 720, height: 520 });
    await page.screenshot({ path: `${process.env.TESSERA_SCREENSHOTS}/gate-sign-in-key-en.png` });
  }
  let answer;
  const record = (request) => {
    if (request.method() === "POST" && request.url().endsWith("/gate/sign-in")) {
      answer = request.postData();
    }
  };
  page.on("request", record);
  await useKey(page);
  page.off("request", record);
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  assert.ok((await context.cookies()).find((c) => c.name === "tessera_token"));
  assert.match(answer, /assertion=/);

  // The same answer again: its sign-in request and challenge are used up.
  const replay = await page.request.post(`${keysUrl}/gate/sign-in`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: keysUrl },
    data: answer, maxRedirects: 0,
  });
  assert.equal(replay.status(), 401);
  assert.match(await replay.text(), /security key was not accepted/);

  // A copy of the key whose counter lags behind (a clone) is refused.
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  assert.equal(credentials.length, 1);
  const original = credentials[0];
  assert.ok(original.signCount >= 1, `counter ${original.signCount}`);
  await cdp.send("WebAuthn.removeCredential", { authenticatorId, credentialId: original.credentialId });
  await cdp.send("WebAuthn.addCredential", { authenticatorId, credential: { ...original, signCount: 0 } });
  await signOut(page);
  await page.goto(`${keysUrl}/articles/42/`);
  await signIn(page, "keyholder", "blue key 12");
  await useKey(page);
  assert.ok(onSignInPage(page), page.url());
  assert.match(await page.locator(".error").textContent(), /security key was not accepted/);
  assert.equal((await context.cookies()).find((c) => c.name === "tessera_token"), undefined);

  // The real key (ahead of every count seen) signs in; then the patron removes it.
  await cdp.send("WebAuthn.removeCredential", { authenticatorId, credentialId: original.credentialId });
  await cdp.send("WebAuthn.addCredential", { authenticatorId, credential: { ...original, signCount: 100 } });
  await signIn(page, "keyholder", "blue key 12");
  await useKey(page);
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  await page.goto(`${keysUrl}/gate/keys`);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Remove Blue key" }).click()]);
  assert.match(await page.locator(".notice").textContent(), /key was removed/);
  assert.equal(await page.locator("table.keys").count(), 0);
  await signOut(page);

  // Removed: the sign-in neither asks for it nor takes it.
  await page.goto(`${keysUrl}/articles/42/`);
  await signIn(page, "keyholder", "blue key 12");
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  await context.close();
});

test("a key made with EdDSA works where Chromium's virtual authenticator offers it", async (t) => {
  const { context, page } = await newPage();
  await withVirtualKey(context, page);
  // Only EdDSA (-8) is offered to the authenticator.
  await page.addInitScript(() => {
    const create = navigator.credentials.create.bind(navigator.credentials);
    navigator.credentials.create = (options) => {
      options.publicKey.pubKeyCredParams = [{ type: "public-key", alg: -8 }];
      return create(options);
    };
  });
  await page.goto(`${keysUrl}/gate/keys`);
  await signIn(page, "patron42", "reading room 42");
  if (!(await addKey(page, "Ring"))) {
    t.skip("this Chromium's virtual authenticator does not make EdDSA keys");
    await context.close();
    return;
  }
  assert.match(await page.locator(".notice").textContent(), /key was added/);
  await signOut(page);
  await page.goto(`${keysUrl}/articles/42/`);
  await signIn(page, "patron42", "reading room 42");
  await useKey(page);
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  await page.goto(`${keysUrl}/gate/keys`);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Remove Ring" }).click()]);
  await context.close();
});

test("a platform authenticator that verifies its user registers and signs in too", async () => {
  const { context, page } = await newPage();
  await withVirtualKey(context, page, "internal");
  await page.goto(`${keysUrl}/gate/keys`);
  await signIn(page, "archivist", "archive stacks 7");
  assert.ok(await addKey(page, "Laptop fingerprint"));
  await signOut(page);
  await page.goto(`${keysUrl}/articles/42/`);
  await signIn(page, "archivist", "archive stacks 7");
  await useKey(page);
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  await page.goto(`${keysUrl}/gate/keys`);
  assert.doesNotMatch(await page.locator("table.keys tbody tr").textContent(), /never/);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole("button", { name: "Remove Laptop fingerprint" }).click()]);
  await context.close();
});

test("an account that asks for user verification takes a fingerprint key, not a touch-only one", async () => {
  const { context, page } = await newPage();
  const touchOnly = await withVirtualKey(context, page);
  await page.goto(`${keysUrl}/gate/keys`);
  await signIn(page, "curator", "special collections");
  assert.equal(await addKey(page, "Plain key"), false, "a key without PIN or fingerprint is not added");
  assert.equal(await page.locator("table.keys").count(), 0);

  await touchOnly.cdp.send("WebAuthn.removeVirtualAuthenticator",
                           { authenticatorId: touchOnly.authenticatorId });
  await withVirtualKey(context, page, "internal");
  await page.goto(`${keysUrl}/gate/keys`);
  assert.ok(await addKey(page, "Fingerprint"));
  await signOut(page);
  await page.goto(`${keysUrl}/articles/42/`);
  await signIn(page, "curator", "special collections");
  await useKey(page);
  assert.equal(new URL(page.url()).pathname, "/articles/42/");
  await page.goto(`${keysUrl}/gate/keys`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole("button", { name: "Remove Fingerprint" }).click()]);
  await context.close();
});

test("a Spanish browser gets the page in Spanish", async () => {
  const { context, page } = await newPage("es-ES");
  await page.goto(`${journal}/articles/42/`);
  assert.equal(await page.locator("h1").textContent(), "Iniciar sesión en la biblioteca");
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  if (process.env.TESSERA_SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.TESSERA_SCREENSHOTS}/gate-sign-in-es.png` });
  }
  await context.close();
});

test("screenshots of the English pages, when asked for", { skip: !process.env.TESSERA_SCREENSHOTS }, async () => {
  const { context, page } = await newPage();
  await page.setViewportSize({ width: 720, height: 640 });
  await page.goto(`${journal}/articles/42/`);
  await page.screenshot({ path: `${process.env.TESSERA_SCREENSHOTS}/gate-sign-in-en.png` });
  await signIn(page, "patron42", "not the password");
  await page.screenshot({ path: `${process.env.TESSERA_SCREENSHOTS}/gate-sign-in-error-en.png` });
  await context.close();
});
