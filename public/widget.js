/*
 * Mentorbot's embeddable web chat. One tag on any page:
 *
 *   <script src="https://<our server>/widget.js" defer data-lang="da" data-position="right"></script>
 *
 * Options (all optional), read from the tag's data- attributes:
 *   data-lang       "da" (default) or "en": the language of the chat's frame and of Web Chat's own texts.
 *   data-title      heading above the chat. Default "Chat om mentorstøtte" / "Chat about mentor support".
 *   data-greeting   one short line under the heading. Default: a line saying the bot guides and the municipality
 *   decides. data-color      brand colour as #rgb or #rrggbb. Darkened if needed, so that text keeps 4.5:1 contrast.
 *   data-position   "right" or "left": a floating "Chat med os" button that opens the chat in a panel;
 *                   "inline": the chat is drawn inside data-container. Default: inline when data-container is set.
 *   data-container  id of the element to draw an inline chat in.
 *
 * Everything (Web Chat, scripts, styles, the API) comes from the server the tag points to; the server must list the
 * embedding site in WEBCHAT_ALLOWED_ORIGINS. Web Chat talks to the server's own Direct Line 3.0 (/v3/directline)
 * through its stock createDirectLine. The conversation's token is kept in the tab's sessionStorage, so a reload, or
 * a tab opened from this one, resumes it with its history.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || window.Mentorbot) return;
  var origin = new URL(script.src, document.baseURI).origin;
  var data = script.dataset;
  var lang = data.lang === 'en' ? 'en' : 'da';
  var TEXT = {
    da: {
      title: 'Chat om mentorstøtte',
      greeting: 'Få vejledning om mentorstøtte. Det er kommunen, der træffer afgørelsen.',
      robot: 'Du chatter med en robot.',
      privacy: 'Sådan bruger vi dine oplysninger',
      privacyShort: 'Privatliv',
      accessibility: 'Tilgængelighedserklæring',
      accessibilityShort: 'Tilgængelighed',
      open: 'Chat med os',
      close: 'Luk chatten',
      loading: 'Chatten starter …',
      failed: 'Chatten kan ikke starte lige nu. Prøv igen om lidt, eller kontakt kommunen.',
      retry: 'Prøv igen',
    },
    en: {
      title: 'Chat about mentor support',
      greeting: 'Get guidance on mentor support. The municipality makes the decision.',
      robot: 'You are chatting with a robot.',
      privacy: 'How we use your information',
      privacyShort: 'Privacy',
      accessibility: 'Accessibility statement',
      accessibilityShort: 'Accessibility',
      open: 'Chat with us',
      close: 'Close the chat',
      loading: 'Starting the chat …',
      failed: 'The chat cannot start right now. Try again in a moment, or contact the municipality.',
      retry: 'Try again',
    },
  }[lang];
  var container = data.container ? document.getElementById(data.container) : null;
  var position =
    data.position === 'left' || data.position === 'right' || data.position === 'inline'
      ? data.position
      : container
        ? 'inline'
        : 'right';
  if (position === 'inline' && !container) {
    container = document.createElement('div');
    script.parentNode.insertBefore(container, script.nextSibling);
  }
  var OPEN_KEY = 'mentorbot:open:' + origin;
  var loaded = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  var scripts = {};

  /** Loads one of our scripts once; later calls get the same promise. */
  function loadScript(path) {
    scripts[path] =
      scripts[path] ||
      new Promise(function (resolve, reject) {
        var tag = el('script', { src: origin + path });
        tag.async = false;
        tag.onload = resolve;
        tag.onerror = function () {
          delete scripts[path];
          tag.remove();
          reject(new Error('Could not load ' + path));
        };
        document.head.appendChild(tag);
      });
    return scripts[path];
  }

  function loadStyle(path) {
    if (document.querySelector('link[data-mentorbot]')) return;
    document.head.appendChild(el('link', { rel: 'stylesheet', href: origin + path, 'data-mentorbot': '' }));
  }

  function getJson(method, path) {
    return fetch(origin + path, { method: method, headers: { accept: 'application/json' }, credentials: 'omit' }).then(
      function (res) {
        if (!res.ok) throw new Error(method + ' ' + path + ' answered ' + res.status);
        return res.json();
      },
    );
  }

  // The frame: heading, the robot notice with its two links, and the place Web Chat draws in.
  var title = el('h2', { id: 'mentorbot-title', class: 'mentorbot__title', text: data.title || TEXT.title });
  // Each link has a long and a short text; a narrow screen shows the short one, so the notice keeps to one line.
  function twoLengths(long, short) {
    return [
      el('span', { class: 'mentorbot__long', text: long }),
      el('span', { class: 'mentorbot__short', text: short }),
    ];
  }
  var privacyLink = el('a', { href: origin + '/privatliv.html' }, twoLengths(TEXT.privacy, TEXT.privacyShort));
  var accessibilityLink = el(
    'a',
    { href: origin + '/tilgaengelighed.html' },
    twoLengths(TEXT.accessibility, TEXT.accessibilityShort),
  );
  var notice = el('p', { class: 'mentorbot__notice' }, [
    el('strong', { text: TEXT.robot }),
    document.createTextNode(' '),
    privacyLink,
    el('span', { class: 'mentorbot__sep', 'aria-hidden': 'true', text: ' · ' }),
    accessibilityLink,
  ]);
  var status = el('p', { class: 'mentorbot__status', role: 'status', text: TEXT.loading });
  var chat = el('div', { class: 'mentorbot__chat' }, [status]);
  var header = el('div', { class: 'mentorbot__header' }, [
    el('div', { class: 'mentorbot__heading' }, [
      title,
      el('p', { class: 'mentorbot__greeting', text: data.greeting || TEXT.greeting }),
    ]),
  ]);
  var root = el(
    'section',
    { class: 'mentorbot mentorbot--' + position, 'aria-labelledby': 'mentorbot-title', lang: lang },
    [header, notice, chat],
  );
  var theme = null;

  function paint() {
    if (!window.MentorbotTheme) return;
    theme = window.MentorbotTheme.colors(data.color);
    root.style.setProperty('--mentorbot-accent', theme.accent);
    root.style.setProperty('--mentorbot-on-accent', theme.onAccent);
    if (launcher) {
      launcher.style.setProperty('--mentorbot-accent', theme.accent);
      launcher.style.setProperty('--mentorbot-on-accent', theme.onAccent);
    }
  }

  function fail(error) {
    loaded = null;
    if (!status.parentNode) chat.insertBefore(status, chat.firstChild);
    status.textContent = TEXT.failed;
    status.setAttribute('role', 'alert');
    var retry = el('button', { type: 'button', class: 'mentorbot__button', text: TEXT.retry });
    retry.addEventListener('click', function () {
      retry.remove();
      status.setAttribute('role', 'status');
      status.textContent = TEXT.loading;
      start();
    });
    chat.appendChild(retry);
    if (window.console) console.warn('Mentorbot:', error);
  }

  // Our own Direct Line (the default): the page gets a token for a new conversation from our server and gives it to
  // Web Chat's createDirectLine. The token is kept in this tab's sessionStorage (and refreshed, as the client does),
  // so a reload, or a tab opened from this one, resumes the conversation with its history from the server.
  var SESSION_KEY = 'mentorbot:' + origin;
  var REFRESH_MS = 15 * 60 * 1000;
  var domain = origin + '/v3/directline';
  var current = null;

  function readSession() {
    try {
      var s = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
      return s && typeof s.token === 'string' && typeof s.conversationId === 'string' ? s : null;
    } catch (e) {
      return null;
    }
  }

  function saveSession(s) {
    try {
      if (s) window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
      else window.sessionStorage.removeItem(SESSION_KEY);
    } catch (e) {
      // Storage full or off (private mode): the chat works, a reload starts afresh.
    }
  }

  function postToken(path, token) {
    return fetch(domain + path, {
      method: 'POST',
      headers: token ? { authorization: 'Bearer ' + token } : {},
      credentials: 'omit',
    }).then(function (res) {
      if (!res.ok) {
        var error = new Error('POST ' + path + ' answered ' + res.status);
        error.status = res.status;
        throw error;
      }
      return res.json();
    });
  }

  /** The kept conversation with a fresh token, or a new one when there is none or the server no longer takes it. */
  function session() {
    var kept = readSession();
    var fresh = function () {
      return postToken('/tokens/generate').then(function (json) {
        var s = { token: json.token, conversationId: json.conversationId, userId: json.userId };
        saveSession(s);
        return s;
      });
    };
    if (!kept) return fresh();
    return postToken('/tokens/refresh', kept.token).then(
      function (json) {
        kept.token = json.token;
        kept.resumed = true;
        saveSession(kept);
        return kept;
      },
      function (error) {
        if (error.status !== 401 && error.status !== 403) throw error;
        saveSession(null);
        return fresh();
      },
    );
  }

  function ownDirectLine(s) {
    var directLine = window.WebChat.createDirectLine({
      domain: domain,
      token: s.token,
      conversationId: s.resumed ? s.conversationId : undefined,
      conversationStartProperties: { locale: lang === 'en' ? 'en-GB' : 'da-DK' },
    });
    var timer = setInterval(function () {
      postToken('/tokens/refresh', s.token).then(
        function (json) {
          s.token = json.token;
          if (readSession()) saveSession(s);
        },
        function () {
          /* the client's own refresh says what is wrong */
        },
      );
    }, REFRESH_MS);
    directLine.activity$.subscribe({
      next: function (activity) {
        // "slet mine data": the server has deleted the conversation; this tab forgets it too.
        if (activity.type === 'event' && activity.name === 'mentorbot.dataDeleted') saveSession(null);
      },
      error: function () {},
    });
    directLine.connectionStatus$.subscribe(function (status) {
      // 3 expired token, 4 failed to connect: the server no longer takes this conversation's token (it is too old,
      // or the data was deleted). A new conversation starts in its place.
      if ((status === 3 || status === 4) && current && current.directLine === directLine) {
        clearInterval(timer);
        saveSession(null);
        loaded = null;
        start();
      }
    });
    return {
      directLine: directLine,
      userID: s.userId,
      stop: function () {
        clearInterval(timer);
      },
    };
  }

  function connect(config) {
    if (config.transport === 'directline') {
      return getJson('POST', '/api/directline/token').then(function (json) {
        return {
          directLine: window.WebChat.createDirectLine({
            token: json.token,
            domain: json.domain || config.directLineDomain,
          }),
        };
      });
    }
    return session().then(ownDirectLine);
  }

  /** Draws Web Chat on a connection, in place of the one before (a new conversation after the old one ended). */
  function render(c) {
    if (current) {
      if (current.stop) current.stop();
      current.directLine.end();
      current.element.remove();
    }
    var element = el('div', { class: 'mentorbot__webchat' });
    chat.appendChild(element);
    current = { directLine: c.directLine, element: element, stop: c.stop };
    window.WebChat.renderWebChat(
      {
        directLine: c.directLine,
        userID: c.userID,
        locale: lang === 'en' ? 'en-US' : 'da-DK',
        styleOptions: window.MentorbotTheme.styleOptions(data.color),
        renderMarkdown: window.MentorbotMarkdown.render,
        attachmentMiddleware: window.MentorbotMarkdown.attachmentMiddleware,
      },
      element,
    );
    if (lang === 'da') window.MentorbotMarkdown.danishTimes(element);
  }

  /** Loads Web Chat from our server, starts or resumes the conversation and draws the chat. */
  function start() {
    if (loaded) return loaded;
    var config = getJson('GET', '/api/webchat/config').then(function (c) {
      if (c.privacyUrl) privacyLink.href = new URL(c.privacyUrl, origin).href;
      if (c.accessibilityUrl) accessibilityLink.href = new URL(c.accessibilityUrl, origin).href;
      return c;
    });
    var helpers = Promise.all([
      loadScript('/mentorbot-theme.js').then(paint),
      loadScript('/webchat/markdown-it.min.js').then(function () {
        return loadScript('/mentorbot-markdown.js');
      }),
    ]);
    // Web Chat's minimal bundle (no Adaptive Cards, no speech): half the bytes of the full one; Markdown and the
    // contact card come from mentorbot-markdown.js.
    var webChat = loadScript('/webchat/webchat-minimal.js');
    // The token is fetched while Web Chat's bundle is still loading; createDirectLine needs the bundle.
    var token = config.then(function (c) {
      return c.transport === 'directline' ? null : session();
    });
    loaded = Promise.all([config, token, webChat, helpers])
      .then(function (r) {
        return r[1] ? ownDirectLine(r[1]) : connect(r[0]);
      })
      .then(function (c) {
        if (status.parentNode) chat.removeChild(status);
        render(c);
        root.classList.add('mentorbot--ready');
      });
    loaded.catch(fail);
    return loaded;
  }

  function sendBox() {
    return chat.querySelector('[data-id="webchat-sendbox-input"], textarea, input[type="text"]');
  }

  // Floating: a button that opens a panel (a non-modal dialog). Escape or the close button closes it and returns
  // focus to the button. Whether it is open is remembered, so a reload keeps the conversation in view.
  var launcher = null;
  var panel = null;

  function setOpen(open) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.hidden = open;
    try {
      if (open) window.sessionStorage.setItem(OPEN_KEY, '1');
      else window.sessionStorage.removeItem(OPEN_KEY);
    } catch (e) {
      // not remembered
    }
  }

  function openPanel(focus) {
    setOpen(true);
    start().then(
      function () {
        if (focus === false) return;
        // Web Chat draws the send box in its first render; wait a frame for it.
        requestAnimationFrame(function () {
          var box = sendBox();
          (box || closeButton).focus();
        });
      },
      function () {
        closeButton.focus();
      },
    );
    if (focus !== false) closeButton.focus();
  }

  function closePanel() {
    setOpen(false);
    launcher.focus();
  }

  var closeButton = null;
  if (position === 'inline') {
    container.appendChild(root);
    start();
  } else {
    launcher = el('button', {
      type: 'button',
      class: 'mentorbot-launcher mentorbot-launcher--' + position,
      'aria-expanded': 'false',
      'aria-controls': 'mentorbot-panel',
      lang: lang,
      text: TEXT.open,
    });
    closeButton = el('button', { type: 'button', class: 'mentorbot__close', 'aria-label': TEXT.close }, [
      el('span', { 'aria-hidden': 'true', text: '×' }),
    ]);
    header.appendChild(closeButton);
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'false');
    root.id = 'mentorbot-panel';
    root.hidden = true;
    panel = root;
    launcher.addEventListener('click', function () {
      openPanel();
    });
    closeButton.addEventListener('click', closePanel);
    root.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        closePanel();
      }
    });
    document.body.appendChild(launcher);
    document.body.appendChild(root);
    var wasOpen;
    try {
      wasOpen = window.sessionStorage.getItem(OPEN_KEY) === '1';
    } catch (e) {
      wasOpen = false;
    }
    if (wasOpen) openPanel(false);
  }
  loadStyle('/mentorbot.css');
  loadScript('/mentorbot-theme.js').then(paint, function () {
    /* the chat reports it when it starts */
  });

  /** For the page around the chat: open and close a floating chat, and wait for the chat to be drawn. */
  window.Mentorbot = {
    open: function () {
      if (panel) openPanel();
    },
    close: function () {
      if (panel) closePanel();
    },
    ready: function () {
      return start();
    },
  };
})();
