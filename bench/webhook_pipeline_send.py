#!/usr/bin/env python3
"""Sends N fresh alerts in requests of B to one target with T connections, then exits.

Used by bench/webhook-pipeline.sh. Target 'ours' gets Alertmanager's webhook body at
/api/webhooks/alertmanager (bearer token); target 'am' gets the same alerts as Alertmanager's own
/api/v2/alerts list. A 503 is retried after a pause, as a sender does. Prints one JSON line.
"""
import datetime
import hashlib
import http.client
import json
import sys
import threading
import time

target, port, token, alerts_total, batch, threads, run = (sys.argv[1], int(sys.argv[2]), sys.argv[3],
                                                          int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7])
RULES = ['BE_Down', 'FE_Down', 'HighCPU', 'DiskFull', 'QueryLatency', 'CompactionScore', 'MemHigh', 'ConnLimit',
         'TabletErr', 'LoadFail', 'RoutineLoadLag', 'CheckpointLag']
lock = threading.Lock()
state = {'next': 0, 'requests': alerts_total // batch, 'refused': 0, 'errors': 0}


def body(first):
    starts = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=60)).strftime('%Y-%m-%dT%H:%M:%S.000Z')
    rule = RULES[(first // batch) % len(RULES)]
    alerts = []
    for n in range(first + 1, first + batch + 1):
        c = n % 50
        labels = {'alertname': rule, 'bench_run': run, 'bench_seq': str(n), 'cluster': f'bench-cluster-{c}',
                  'instance': f'10.9.{c}.{n % 200}:8040', 'job': f'StarRocks_bench-cluster-{c}',
                  'severity': 'critical' if n % 3 == 0 else 'warning'}
        a = {'labels': labels, 'annotations': {'description': f'{rule} on 10.9.{c}.{n % 200} of bench-cluster-{c}',
                                               'summary': rule},
             'startsAt': starts, 'generatorURL': 'http://prometheus.bench:9090/graph?g0.expr=up&g0.tab=1'}
        if target == 'ours':
            a.update({'status': 'firing', 'endsAt': '0001-01-01T00:00:00Z',
                      'fingerprint': hashlib.sha1(json.dumps(labels, sort_keys=True).encode()).hexdigest()[:16]})
        alerts.append(a)
    if target == 'am':
        return json.dumps(alerts)
    return json.dumps({'receiver': 'bench', 'status': 'firing', 'alerts': alerts, 'groupLabels': {'alertname': rule},
                       'commonLabels': {'alertname': rule}, 'commonAnnotations': {},
                       'externalURL': 'http://127.0.0.1:9093', 'version': '4',
                       'groupKey': '{}:{alertname="%s"}' % rule, 'truncatedAlerts': 0})


def worker():
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    path = '/api/webhooks/alertmanager' if target == 'ours' else '/api/v2/alerts'
    headers = {'Content-Type': 'application/json'}
    if target == 'ours':
        headers['Authorization'] = 'Bearer ' + token
    while True:
        with lock:
            if state['next'] >= state['requests']:
                return
            first = state['next'] * batch
            state['next'] += 1
        b = body(first)
        while True:
            conn.request('POST', path, body=b, headers=headers)
            r = conn.getresponse()
            r.read()
            if r.status != 503:
                break
            with lock:
                state['refused'] += 1
            time.sleep(1)
        if r.status >= 300:
            with lock:
                state['errors'] += 1


start = time.time()
workers = [threading.Thread(target=worker) for _ in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(json.dumps({'target': target, 'alerts': state['requests'] * batch, 'batch': batch,
                  'seconds': round(time.time() - start, 3), 'refused': state['refused'], 'errors': state['errors']}))
