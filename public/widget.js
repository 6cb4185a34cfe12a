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
 *
 * A slow phone sees the welcome first: a new conversation starts with one request (POST /v3/directline/start: the
 * token, the start and the bot's welcome), the welcome and its buttons are drawn at once in plain HTML (the
 * "preview", which can already send), and Web Chat's bundle loads after it and takes the conversation over.
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
      input: 'Skriv dit spørgsmål',
      conversation: 'Samtalen',
      send: 'Send',
      sending: 'Sendt. Svaret kommer om et øjeblik …',
      notSent: 'Beskeden blev ikke sendt. Prøv igen.',
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
      input: 'Type your question',
      conversation: 'The conversation',
      send: 'Send',
      sending: 'Sent. The answer is on its way …',
      notSent: 'The message was not sent. Please try again.',
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
    if (preview) {
      preview.element.remove();
      preview = null;
    }
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

  /**
   * A new conversation in one round trip: the token, the start and what the bot said (its welcome). A simple request
   * (no body, no custom header), so a page on another site sends no CORS preflight first.
   */
  function begin() {
    var locale = lang === 'en' ? 'en-GB' : 'da-DK';
    return fetch(domain + '/start?locale=' + locale, { method: 'POST', credentials: 'omit' })
      .then(function (res) {
        // 204: this server's chat uses Azure's Direct Line; the chat starts the ordinary way.
        if (res.status !== 201) throw new Error('POST /start answered ' + res.status);
        return res.json();
      })
      .then(function (json) {
        var s = { token: json.token, conversationId: json.conversationId, userId: json.userId };
        saveSession(s);
        // Started by the server: Web Chat resumes it, and the stream replays the welcome.
        s.resumed = true;
        return { session: s, activities: json.activities, watermark: Number(json.watermark) || 0 };
      });
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

  // The preview: the conversation so far in plain HTML, until Web Chat has loaded. Only the bot's Markdown that its
  // messages use is read (paragraphs, "- " lists, **bold**, links to http(s), mailto: and tel:), and only into text
  // nodes, so nothing a person wrote can become HTML. Web Chat draws the same messages in full when it takes over.
  var SAFE_LINK = /^(https?:|mailto:|tel:)/i;
  var preview = null;

  function inline(text) {
    var nodes = [];
    var pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
    var last = 0;
    var m;
    while ((m = pattern.exec(text))) {
      if (m.index > last) nodes.push(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) nodes.push(el('strong', { text: m[1] }));
      else if (SAFE_LINK.test(m[3])) {
        var link = el('a', { href: m[3], text: m[2] });
        if (/^https?:/i.test(m[3])) {
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
        }
        nodes.push(link);
      } else nodes.push(document.createTextNode(m[2]));
      last = pattern.lastIndex;
    }
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
  }

  function blocks(markdown) {
    return String(markdown || '')
      .split(/\n\s*\n/)
      .filter(function (block) {
        return block.trim() !== '';
      })
      .map(function (block) {
        var lines = block.split('\n');
        var item = /^\s*[-*]\s+/;
        if (
          lines.every(function (line) {
            return item.test(line);
          })
        ) {
          return el(
            'ul',
            {},
            lines.map(function (line) {
              return el('li', {}, inline(line.replace(item, '')));
            }),
          );
        }
        return el('p', {}, inline(lines.join(' ').trim()));
      });
  }

  /** A hero card (the contact card) as the preview shows it: its title, text and links. */
  function card(content) {
    var nodes = [];
    if (content.title) nodes.push(el('p', {}, [el('strong', { text: content.title })]));
    if (content.text) nodes = nodes.concat(blocks(content.text));
    (content.buttons || []).forEach(function (b) {
      if ((b.type === 'call' || b.type === 'openUrl') && SAFE_LINK.test(String(b.value)))
        nodes.push(el('p', {}, [el('a', { href: String(b.value), text: b.title || String(b.value) })]));
    });
    return nodes;
  }

  /**
   * Adds messages to the preview; the buttons are those of the last one. The view scrolls to the start of the first new
   * message from the bot, so a long one is read from its beginning (as Web Chat does, autoScrollSnapOnPage).
   */
  function showInPreview(activities, skipOwn) {
    var firstNew = null;
    activities.forEach(function (a) {
      if (a.type !== 'message') return;
      var own = a.from && a.from.role === 'user';
      if (own && skipOwn) return;
      var content = blocks(a.text);
      (a.attachments || []).forEach(function (att) {
        if (att.contentType === 'application/vnd.microsoft.card.hero' && att.content)
          content = content.concat(card(att.content));
      });
      if (content.length === 0) return;
      // The bot's initials beside its messages, as Web Chat shows them (decoration: hidden from screen readers).
      if (!own) content.unshift(el('span', { class: 'mentorbot__avatar', 'aria-hidden': 'true', text: 'MB' }));
      var bubble = el('div', { class: 'mentorbot__bubble' + (own ? ' mentorbot__bubble--own' : '') }, content);
      preview.log.appendChild(bubble);
      if (!own && !firstNew) firstNew = bubble;
    });
    var last = activities[activities.length - 1];
    if (last && last.from && last.from.role === 'bot') {
      preview.actions.textContent = '';
      ((last.suggestedActions && last.suggestedActions.actions) || []).forEach(function (action) {
        if (action.type !== 'imBack' && action.type !== 'postBack' && action.type !== 'messageBack') return;
        var button = el('button', { type: 'button', class: 'mentorbot__action', text: action.title || action.text });
        button.addEventListener('click', function () {
          var text = action.type === 'imBack' ? action.value : action.text;
          var value = action.type === 'imBack' ? undefined : action.value;
          previewSay(typeof text === 'string' ? text : undefined, typeof value === 'object' ? value : undefined, {
            shown: action.title || text,
          });
        });
        preview.actions.appendChild(button);
      });
    }
    preview.log.scrollTop = firstNew ? firstNew.offsetTop - preview.log.offsetTop - 10 : preview.log.scrollHeight;
  }

  /**
   * Sends a message from the preview through our Direct Line (as Web Chat would) and shows the bot's answer from the
   * history; Web Chat later replays the whole conversation.
   */
  function previewSay(text, value, how) {
    var p = preview;
    if (!p || p.busy || (!text && !value)) return;
    p.busy = true;
    p.interacted = true;
    p.actions.textContent = '';
    p.log.appendChild(el('div', { class: 'mentorbot__bubble mentorbot__bubble--own' }, blocks(how.shown || text)));
    p.note.textContent = TEXT.sending;
    var s = p.session;
    var url = domain + '/conversations/' + encodeURIComponent(s.conversationId) + '/activities';
    var headers = { authorization: 'Bearer ' + s.token, 'content-type': 'application/json' };
    var activity = { type: 'message', locale: lang === 'en' ? 'en-GB' : 'da-DK' };
    if (text) activity.text = text;
    if (value) activity.value = value;
    fetch(url, { method: 'POST', headers: headers, credentials: 'omit', body: JSON.stringify(activity) })
      .then(function (res) {
        if (!res.ok) throw new Error('POST activities answered ' + res.status);
        return fetch(url + '?watermark=' + p.watermark, { headers: headers, credentials: 'omit' });
      })
      .then(function (res) {
        if (!res.ok) throw new Error('GET activities answered ' + res.status);
        return res.json();
      })
      .then(
        function (json) {
          if (preview !== p) return;
          p.watermark = Number(json.watermark) || p.watermark;
          p.note.textContent = '';
          showInPreview(json.activities || [], true);
          p.busy = false;
        },
        function () {
          if (preview !== p) return;
          p.note.textContent = TEXT.notSent;
          p.busy = false;
        },
      );
  }

  /** Draws the welcome (and its buttons, and a send box) before Web Chat has loaded. */
  function showPreview(started) {
    var input = el('input', { type: 'text', class: 'mentorbot__input', 'aria-label': TEXT.input, autocomplete: 'off' });
    input.placeholder = TEXT.input;
    var form = el('form', { class: 'mentorbot__sendbox' }, [
      input,
      el('button', { type: 'submit', class: 'mentorbot__send', text: TEXT.send }),
    ]);
    preview = {
      session: started.session,
      watermark: started.watermark,
      busy: false,
      // Focusable, since it scrolls; a log, so what the bot answers is read out.
      log: el('div', { class: 'mentorbot__log', role: 'log', tabindex: '0', 'aria-label': TEXT.conversation }),
      actions: el('div', { class: 'mentorbot__actions' }),
      note: el('p', { class: 'mentorbot__note', role: 'status' }),
      input: input,
    };
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text || preview.busy) return;
      input.value = '';
      previewSay(text, undefined, {});
    });
    preview.element = el('div', { class: 'mentorbot__preview' }, [preview.log, preview.actions, preview.note, form]);
    if (status.parentNode) chat.removeChild(status);
    chat.appendChild(preview.element);
    showInPreview(started.activities, false);
  }

  /**
   * Web Chat has drawn the conversation under the preview: the preview goes, and what the person was doing in it
   * (typing, a focused button) carries over to Web Chat's send box.
   */
  function handOver(element, store) {
    var p = preview;
    if (!p) return;
    var done = false;
    var swap = function () {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      var hadFocus = p.element.contains(document.activeElement);
      var typed = p.input.value;
      preview = null;
      p.element.remove();
      element.classList.remove('mentorbot__webchat--pending');
      if (typed) store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: typed } });
      if (hadFocus) {
        requestAnimationFrame(function () {
          var box = sendBox();
          if (box) box.focus();
        });
      }
    };
    var drawn = function () {
      return element.querySelector('.webchat__bubble');
    };
    var waiting = false;
    var observer = new MutationObserver(function () {
      if (waiting || !drawn() || p.busy) return;
      waiting = true;
      // Web Chat scrolls to its end once it has drawn; when the person has only read the welcome, its start stays in
      // view as in the preview (a message the person sends scrolls Web Chat to its end as ever).
      // A scroll of its transcript away from the end (as a person's would be) stops Web Chat from sticking to the end;
      // its scrolling is animated, so the start is held until it has stayed put for a few frames.
      var scroller = null;
      var still = 0;
      var nudged = false;
      var hold = function (frames) {
        scroller = scroller || element.querySelector('.webchat__basic-transcript__scrollable');
        if (!scroller || p.interacted) return swap();
        if (!nudged) {
          nudged = true;
          scroller.scrollTop = 1;
        } else if (scroller.scrollTop !== 0) {
          scroller.scrollTop = 0;
          still = 0;
        } else still++;
        if (still >= 3 || frames > 120) swap();
        else
          requestAnimationFrame(function () {
            hold(frames + 1);
          });
      };
      setTimeout(function () {
        hold(0);
      }, 100);
    });
    observer.observe(element, { childList: true, subtree: true });
    // Should Web Chat not draw a message (it cannot connect: it says so itself), it takes over all the same.
    var timer = setTimeout(swap, 15000);
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
    var element = el('div', { class: 'mentorbot__webchat' + (preview ? ' mentorbot__webchat--pending' : '') });
    chat.appendChild(element);
    current = { directLine: c.directLine, element: element, stop: c.stop };
    var store = window.WebChat.createStore();
    if (preview) handOver(element, store);
    window.WebChat.renderWebChat(
      {
        directLine: c.directLine,
        store: store,
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

  /** Web Chat's minimal bundle and what it needs from us. */
  function loadWebChat() {
    return Promise.all([
      loadScript('/mentorbot-theme.js').then(paint),
      loadScript('/webchat/markdown-it.min.js').then(function () {
        return loadScript('/mentorbot-markdown.js');
      }),
      // Web Chat's minimal bundle (no Adaptive Cards, no speech): half the bytes of the full one; Markdown and the
      // contact card come from mentorbot-markdown.js.
      loadScript('/webchat/webchat-minimal.js'),
    ]);
  }

  /** Loads Web Chat from our server, starts or resumes the conversation and draws the chat. */
  function start() {
    if (loaded) return loaded;
    var config = getJson('GET', '/api/webchat/config').then(function (c) {
      if (c.privacyUrl) privacyLink.href = new URL(c.privacyUrl, origin).href;
      if (c.accessibilityUrl) accessibilityLink.href = new URL(c.accessibilityUrl, origin).href;
      return c;
    });
    // No conversation in this tab yet: it starts, with the welcome, in one request, and the welcome is drawn at once.
    // (With Azure's Direct Line the route does not exist, and the chat starts as below.)
    var first = readSession()
      ? Promise.resolve(null)
      : begin().then(
          function (started) {
            showPreview(started);
            return started.session;
          },
          function () {
            return null;
          },
        );
    // Web Chat loads beside the start, not after the welcome: the start's answer is small, and on a slow line Web Chat
    // takes over about 0.6 s sooner for about 0.05 s later on the welcome (BENCHMARKS.md). Our page preloads it too.
    var webChat = loadWebChat();
    // Otherwise the token is fetched while Web Chat's bundle is still loading; createDirectLine needs the bundle.
    var token = Promise.all([config, first]).then(function (r) {
      if (r[0].transport === 'directline') return null;
      return r[1] || session();
    });
    loaded = Promise.all([config, token, webChat])
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
