// Tending's service worker: the app shell and static files from the cache, Get help even
// offline, a calm offline page for everything else, and Web Push notifications.
"use strict";

const VERSION = "{{ version }}";
const CACHE = "tending-" + VERSION;
const SHELL = {{ shell_json|safe }};
const URLS = {{ urls_json|safe }};
const HELP_REFRESH_MS = 60 * 60 * 1000;
let helpRefreshedAt = 0;

function refreshHelp() {
  helpRefreshedAt = Date.now();
  return fetch(URLS.help, { credentials: "same-origin", redirect: "follow" }).then(function (response) {
    if (!response.ok || new URL(response.url).pathname !== URLS.help) { return undefined; }
    return caches.open(CACHE).then(function (cache) { return cache.put(URLS.help, response); });
  }).catch(function () { return undefined; });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) { return cache.addAll(SHELL.concat([URLS.offline])); })
      .then(refreshHelp)
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("tending-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isHelp(url) { return url.pathname === URLS.help; }

function navigate(request) {
  const url = new URL(request.url);
  return fetch(request).then(function (response) {
    if (isHelp(url) && !url.search && response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(URLS.help, copy); });
    } else if (Date.now() - helpRefreshedAt > HELP_REFRESH_MS) {
      refreshHelp();
    }
    return response;
  }).catch(function () {
    return caches.match(isHelp(url) ? URLS.help : URLS.offline).then(function (cached) {
      return cached || caches.match(URLS.offline);
    });
  });
}

function fromCacheFirst(request) {
  return caches.match(request).then(function (cached) {
    return cached || fetch(request).then(function (response) {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET") { return; }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(fromCacheFirst(request));
  }
});

self.addEventListener("message", function (event) {
  if (event.data === "refresh-help") { event.waitUntil(refreshHelp()); }
});

self.addEventListener("push", function (event) {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch (error) { data = {}; }
  const actions = (data.actions || []).map(function (action) {
    return { action: action.action, title: action.title };
  });
  event.waitUntil(self.registration.showNotification(data.title || "Tending", {
    body: data.body || "",
    tag: data.tag || "tending",
    icon: URLS.icon,
    badge: URLS.icon,
    data: { url: data.url || URLS.home, actions: data.actions || [] },
    actions: actions,
  }));
});

self.addEventListener("notificationclick", function (event) {
  const notification = event.notification;
  const data = notification.data || {};
  notification.close();
  const chosen = (data.actions || []).filter(function (action) { return action.action === event.action; })[0];
  if (chosen) {
    event.waitUntil(fetch(chosen.url, { method: "POST", credentials: "omit" }));
    return;
  }
  const target = new URL(data.url || URLS.home, self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    const open = windows.filter(function (client) { return client.url === target; })[0];
    return open ? open.focus() : self.clients.openWindow(target);
  }));
});
