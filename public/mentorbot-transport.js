/*
 * Mentorbot's embedded transport: a Direct Line-compatible object that Web Chat (botframework-webchat) can use
 * instead of Azure Direct Line. It talks to our own server (the contract in public/README.md).
 *
 * window.MentorbotTransport.create({ origin, locale, storageKey }) returns an object with
 * - activity$: subscribe({ next }) -> { unsubscribe }. Every new subscriber first gets the conversation so far
 *   (kept in sessionStorage, so a reload shows it again), then each new activity.
 * - connectionStatus$: subscribe({ next }) -> { unsubscribe }. Emits the current status at once and each change:
 *   0 uninitialised, 1 connecting, 2 online, 4 failed to connect.
 * - postActivity(activity): an observable that emits the server's id for the person's activity and completes.
 *   The activity is echoed on activity$ with that id and its channelData.clientActivityID, then the bot's replies.
 * - end(): closes the stream and stops refreshing the token.
 * Every emitted activity has an id, a timestamp and channelData['webchat:sequence-id'] in the order shown.
 */
(function () {
  'use strict';

  var STATUS = { uninitialised: 0, connecting: 1, online: 2, failed: 4 };
  var MAX_KEPT = 200;
  var BOT = { id: 'mentorbot', name: 'Mentorbot', role: 'bot' };

  /** A value that can be watched: subscribers get each value passed to next(); with replay, the latest at once. */
  function subject(replayLatest, initial) {
    var observers = [];
    var hasValue = arguments.length > 1;
    var latest = initial;
    return {
      next: function (value) {
        hasValue = true;
        latest = value;
        observers.slice().forEach(function (o) {
          if (o.next) o.next(value);
        });
      },
      subscribe: function (observer, onReplay) {
        observers.push(observer);
        if (onReplay) onReplay(observer);
        else if (replayLatest && hasValue && observer.next) observer.next(latest);
        return {
          unsubscribe: function () {
            observers = observers.filter(function (o) { return o !== observer; });
          }
        };
      },
      get value() { return latest; }
    };
  }

  /** An observable of one value (or one error), in the shape Web Chat expects from postActivity. */
  function single(promise) {
    return {
      subscribe: function (observer) {
        var closed = false;
        promise.then(
          function (value) {
            if (closed) return;
            if (observer.next) observer.next(value);
            if (observer.complete) observer.complete();
          },
          function (error) {
            if (!closed && observer.error) observer.error(error);
          }
        );
        return { unsubscribe: function () { closed = true; } };
      }
    };
  }

  function HttpError(status, message) {
    var e = new Error(message);
    e.status = status;
    return e;
  }

  function readSession(key) {
    try {
      var raw = window.sessionStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function writeSession(key, session) {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(session));
    } catch (e) {
      // Storage full or disabled (private mode): the chat works, a reload starts afresh.
    }
  }

  function create(options) {
    var origin = options.origin;
    var locale = options.locale || 'da-DK';
    var storageKey = options.storageKey || 'mentorbot:' + origin;
    var activities = subject(false);
    var status = subject(true, STATUS.uninitialised);
    var session = null;
    var seen = {};
    var sequence = 0;
    var stream = null;
    var streamRetry = 0;
    var refreshTimer = null;
    var started = null;
    var ended = false;

    function request(method, path, body) {
      var headers = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (session && session.token) headers.authorization = 'Bearer ' + session.token;
      return fetch(origin + path, {
        method: method,
        headers: headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit'
      }).then(function (res) {
        return res.text().then(function (text) {
          var json = text ? JSON.parse(text) : {};
          if (!res.ok) throw HttpError(res.status, method + ' ' + path + ' answered ' + res.status);
          return json;
        });
      });
    }

    function save() {
      if (session) writeSession(storageKey, session);
    }

    /** Stamps an activity for Web Chat (id, timestamp, order), remembers it for a reload and shows it. */
    function emit(activity) {
      // "slet mine data": the server has deleted the conversation; forget this tab's copy of it too.
      if (activity.type === 'event' && activity.name === 'mentorbot.dataDeleted') {
        if (session) {
          session.activities = [];
          save();
        }
        return;
      }
      if (activity.id && seen[activity.id]) return;
      var stamped = Object.assign({}, activity);
      stamped.id = stamped.id || 'local-' + Date.now() + '-' + sequence;
      stamped.timestamp = stamped.timestamp || new Date().toISOString();
      stamped.from = stamped.from || BOT;
      sequence += 1;
      stamped.channelData = Object.assign({}, stamped.channelData, { 'webchat:sequence-id': sequence });
      seen[stamped.id] = true;
      if (session) {
        session.activities.push(stamped);
        if (session.activities.length > MAX_KEPT) session.activities.splice(0, session.activities.length - MAX_KEPT);
        session.sequence = sequence;
        save();
      }
      activities.next(stamped);
    }

    function scheduleRefresh(expiresIn) {
      clearTimeout(refreshTimer);
      session.expiresAt = Date.now() + expiresIn * 1000;
      save();
      // Refresh when three quarters of the lifetime have passed, and never later than one minute before the end.
      var delay = Math.max(1000, Math.min(expiresIn * 750, (expiresIn - 60) * 1000));
      refreshTimer = setTimeout(refresh, delay);
    }

    function refresh() {
      if (ended) return Promise.resolve();
      return request('POST', '/api/webchat/token').then(
        function (json) {
          session.token = json.token;
          scheduleRefresh(json.expiresIn);
        },
        function (error) {
          if (error.status === 401) return restart();
          refreshTimer = setTimeout(refresh, 15000);
        }
      );
    }

    function openStream() {
      if (ended || typeof EventSource === 'undefined') return;
      if (stream) stream.close();
      stream = new EventSource(origin + '/api/webchat/stream?token=' + encodeURIComponent(session.token));
      stream.addEventListener('open', function () {
        streamRetry = 0;
      });
      stream.addEventListener('activity', function (event) {
        try {
          emit(JSON.parse(event.data));
        } catch (e) {
          // A malformed event is skipped; the stream goes on.
        }
      });
      stream.addEventListener('error', function () {
        // EventSource retries by itself unless the server refused (e.g. an expired token): then reopen with the
        // current token, waiting longer each time.
        if (stream.readyState === EventSource.CLOSED && !ended) {
          streamRetry = Math.min(streamRetry + 1, 6);
          setTimeout(openStream, 1000 * Math.pow(2, streamRetry));
        }
      });
    }

    function begin(json) {
      session = {
        conversationId: json.conversationId,
        userId: json.userId,
        token: json.token,
        locale: locale,
        activities: [],
        sequence: sequence
      };
      scheduleRefresh(json.expiresIn);
      (json.activities || []).forEach(emit);
    }

    function newConversation() {
      session = null;
      return request('POST', '/api/webchat/conversations', { locale: locale }).then(begin);
    }

    /** The server no longer knows the token: start a new conversation and keep showing what was said. */
    function restart() {
      return newConversation().then(openStream);
    }

    function resume(stored) {
      session = stored;
      sequence = stored.sequence || 0;
      stored.activities.forEach(function (a) { seen[a.id] = true; });
      return request('POST', '/api/webchat/token').then(
        function (json) {
          session.token = json.token;
          scheduleRefresh(json.expiresIn);
        },
        function (error) {
          if (error.status !== 401) throw error;
          session = null;
          seen = {};
          sequence = 0;
          return newConversation();
        }
      );
    }

    function start() {
      if (started) return started;
      status.next(STATUS.connecting);
      var stored = readSession(storageKey);
      var ready = stored && stored.token && Array.isArray(stored.activities) ? resume(stored) : newConversation();
      started = ready.then(
        function () {
          openStream();
          status.next(STATUS.online);
          return session;
        },
        function (error) {
          status.next(STATUS.failed);
          throw error;
        }
      );
      return started;
    }

    function replay(observer) {
      if (session && observer.next) session.activities.forEach(function (a) { observer.next(a); });
    }

    function postActivity(activity) {
      var sent = start().then(function () {
        var clientActivityID = activity.channelData && activity.channelData.clientActivityID;
        var body = { type: activity.type, locale: activity.locale, channelData: { clientActivityID: clientActivityID } };
        if (activity.text !== undefined) body.text = activity.text;
        if (activity.value !== undefined) body.value = activity.value;
        return request('POST', '/api/webchat/activities', body).then(function (json) {
          var echo = Object.assign({}, activity, {
            id: json.id,
            timestamp: activity.timestamp || new Date().toISOString(),
            from: { id: session.userId, name: (activity.from && activity.from.name) || '', role: 'user' },
            conversation: { id: session.conversationId }
          });
          emit(echo);
          (json.activities || []).forEach(emit);
          return json.id;
        });
      });
      return single(sent);
    }

    return {
      activity$: {
        subscribe: function (observer) {
          var subscription = activities.subscribe(observer, replay);
          start().catch(function () { /* reported through connectionStatus$ */ });
          return subscription;
        }
      },
      connectionStatus$: { subscribe: function (observer) { return status.subscribe(observer); } },
      postActivity: postActivity,
      end: function () {
        ended = true;
        clearTimeout(refreshTimer);
        if (stream) stream.close();
      },
      /** Resolves with { conversationId, userId } once the conversation is created or resumed. */
      ready: function () {
        return start().then(function (s) {
          return { conversationId: s.conversationId, userId: s.userId };
        });
      },
      /** Forgets the conversation kept in this tab; the next page load starts a new one. */
      forget: function () {
        try {
          window.sessionStorage.removeItem(storageKey);
        } catch (e) {
          // nothing kept
        }
      }
    };
  }

  window.MentorbotTransport = { create: create, STATUS: STATUS };
})();
