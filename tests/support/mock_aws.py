#!/usr/bin/env python3
"""A mock of the AWS endpoints the driver's IAM flow calls, for tests without network.

    python3 tests/support/mock_aws.py [--port N] [--config JSON]

Listens on 127.0.0.1 (port 0: any free port) and prints the port on the first line of stdout.
One endpoint answers every service the driver reaches through EndpointUrl, StsEndpointUrl,
AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_EC2_METADATA_SERVICE_ENDPOINT:

  POST /  Action=GetClusterCredentials | GetClusterCredentialsWithIAM   (redshift, Query, XML)
  POST /  X-Amz-Target: RedshiftServerless.GetCredentials    (redshift-serverless, JSON 1.1)
  POST /  Action=AssumeRole | AssumeRoleWithWebIdentity       (sts, Query, XML)
  GET  /ecs/...                                               (ECS container credentials)
  PUT  /latest/api/token, GET /latest/meta-data/iam/security-credentials/[role]   (IMDSv2)

Every signed request is checked like AWS checks it, by a SigV4 implementation of its own (the
canonical request is rebuilt from the raw method, path, query, the headers named in
SignedHeaders as received, and the raw body): unknown key -> InvalidClientTokenId, wrong
signature -> SignatureDoesNotMatch (JSON: InvalidSignatureException), scope date/region/service
and X-Amz-Date skew checked, the session token must be present and signed exactly when the key
has one. Keys AssumeRole / web identity / ECS / IMDS hand out are accepted afterwards.

Control, on the same port (tests drive it; nothing here is AWS):
  GET  /_mock/requests   JSON list of the requests answered (control requests excluded)
  GET  /_mock/count[?action=A&action=B]   how many of them (with that action)
  POST /_mock/reset      forget requests, issued keys and faults
  POST /_mock/config     JSON merged into the configuration (see DEFAULTS)
  python3 mock_aws.py --control PORT METHOD PATH [BODY]   the same from a shell
  python3 mock_aws.py --self-test    the verifier against the shared/IAM.md §4.2 vectors

Faults (config "faults": {"<Action or ecs/imds>": "<fault>"}): ClusterNotFound,
InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken, AccessDenied, Throttling,
ResourceNotFound, InternalError (500), Truncated (200 with half an answer), Stall (answers only
after "stall_seconds").
"""

import argparse
import datetime
import hashlib
import hmac
import http.client
import http.server
import json
import sys
import threading
import time
import urllib.parse
import uuid

DEFAULTS = {
    # access key id -> {"secret": ..., "token": ... or null}
    "keys": {"AKIDMOCKEXAMPLE": {"secret": "mock/secret/key/EXAMPLE", "token": None}},
    "db_user": None,  # None: IAM:<DbUser> / IAMA:<DbUser> / IAM:<identity> / IAMR:<identity>
    "db_password": "mock-db-password",
    "identity": "mock-user",  # the IAM identity of GetClusterCredentialsWithIAM / serverless
    "expires_in": 900,  # seconds until the database password expires
    "clusters": None,  # None: any cluster id; else the list of known ones
    "workgroups": None,  # None: any workgroup; else the list of known ones
    "faults": {},
    "stall_seconds": 30,
    "max_skew_seconds": 300,
    "region": None,  # the signing region requests must be scoped to, None: any
    "ecs_token": None,  # the Authorization value ECS requires, None: none required
    "imds_role": "mock-instance-role",
    "web_identity_token": "mock-web-identity-token",
}

REDSHIFT_NS = "http://redshift.amazonaws.com/doc/2012-12-01/"
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"


def xml_escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def iso8601(epoch):
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


# ---- SigV4, written from the AWS documentation, independent of the driver's signer ----------

def uri_encode(text, keep_slash=False):
    safe = "-_.~" + ("/" if keep_slash else "")
    return urllib.parse.quote(text, safe=safe)


def canonical_query(raw_query):
    pairs = []
    for part in raw_query.split("&") if raw_query else []:
        key, _, value = part.partition("=")
        pairs.append((uri_encode(urllib.parse.unquote(key)),
                      uri_encode(urllib.parse.unquote(value))))
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


def canonical_uri(raw_path):
    segments = []
    for segment in raw_path.split("/")[1:]:
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(uri_encode(uri_encode(urllib.parse.unquote(segment))))
    path = "/" + "/".join(segments)
    if raw_path.endswith("/") and path != "/":
        path += "/"
    return path


def signing_key(secret, date, region, service):
    key = ("AWS4" + secret).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


class SignatureProblem(Exception):
    def __init__(self, code, message, status=403):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def verify_sigv4(method, raw_path, headers, body, keys, expected_service, expected_region,
                 max_skew):
    """Returns the access key id of a correctly signed request, raises SignatureProblem."""
    authorization = headers.get("authorization")
    if not authorization:
        raise SignatureProblem("MissingAuthenticationToken",
                               "Request is missing Authentication Token")
    algorithm, _, fields_text = authorization.partition(" ")
    if algorithm != "AWS4-HMAC-SHA256":
        raise SignatureProblem("IncompleteSignature", f"Unsupported algorithm {algorithm}", 400)
    fields = {}
    for field in fields_text.split(","):
        name, _, value = field.strip().partition("=")
        fields[name] = value
    if not {"Credential", "SignedHeaders", "Signature"} <= fields.keys():
        raise SignatureProblem("IncompleteSignature",
                               "Authorization header requires Credential, SignedHeaders, Signature",
                               400)
    scope = fields["Credential"].split("/")
    if len(scope) != 5 or scope[4] != "aws4_request":
        raise SignatureProblem("IncompleteSignature", "Credential is not <key>/<date>/<region>/"
                               "<service>/aws4_request", 400)
    key_id, scope_date, region, service, _ = scope
    key = keys.get(key_id)
    if key is None:
        raise SignatureProblem("InvalidClientTokenId",
                               "The security token included in the request is invalid.")
    amz_date = headers.get("x-amz-date", "")
    try:
        signed_at = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(
            tzinfo=datetime.timezone.utc)
    except ValueError:
        raise SignatureProblem("IncompleteSignature", "X-Amz-Date missing or malformed", 400)
    if abs(time.time() - signed_at.timestamp()) > max_skew:
        raise SignatureProblem("SignatureDoesNotMatch",
                               f"Signature expired: {amz_date} is now earlier or later than "
                               "the allowed skew")
    if scope_date != amz_date[:8]:
        raise SignatureProblem("SignatureDoesNotMatch",
                               f"Credential should be scoped to a valid date: {amz_date[:8]}")
    if service != expected_service:
        raise SignatureProblem("SignatureDoesNotMatch",
                               f"Credential should be scoped to correct service: "
                               f"'{expected_service}'")
    if expected_region and region != expected_region:
        raise SignatureProblem("SignatureDoesNotMatch",
                               f"Credential should be scoped to a valid region: '{expected_region}'")
    signed_names = fields["SignedHeaders"].split(";")
    if signed_names != sorted(signed_names) or "host" not in signed_names:
        raise SignatureProblem("SignatureDoesNotMatch", "SignedHeaders must be sorted and "
                               "include host")
    for required in ("x-amz-date",) + (("x-amz-target",) if "x-amz-target" in headers else ()):
        if required not in signed_names:
            raise SignatureProblem("SignatureDoesNotMatch", f"{required} must be signed")
    token = headers.get("x-amz-security-token")
    if key.get("token"):
        if token != key["token"] or "x-amz-security-token" not in signed_names:
            raise SignatureProblem("InvalidClientTokenId" if token != key["token"] else
                                   "SignatureDoesNotMatch",
                                   "The security token included in the request is invalid.")
    elif token is not None:
        raise SignatureProblem("InvalidClientTokenId",
                               "The security token included in the request is invalid.")
    path, _, query = raw_path.partition("?")
    canonical_headers = ""
    for name in signed_names:
        if name not in headers:
            raise SignatureProblem("SignatureDoesNotMatch", f"signed header {name} not sent")
        canonical_headers += name + ":" + " ".join(headers[name].split()) + "\n"
    canonical = "\n".join([method, canonical_uri(path), canonical_query(query), canonical_headers,
                           fields["SignedHeaders"], hashlib.sha256(body).hexdigest()])
    string_to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date,
                                f"{scope_date}/{region}/{service}/aws4_request",
                                hashlib.sha256(canonical.encode()).hexdigest()])
    expected = hmac.new(signing_key(key["secret"], scope_date, region, service),
                        string_to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, fields["Signature"]):
        raise SignatureProblem(
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. "
            "Check your AWS Secret Access Key and signing method.")
    return key_id, region


# ---- the server ------------------------------------------------------------------------------

class State:
    def __init__(self, config):
        self.lock = threading.Lock()
        self.base = json.loads(json.dumps(DEFAULTS))
        self.base.update(config)
        self.reset()

    def reset(self):
        with self.lock:
            self.config = json.loads(json.dumps(self.base))
            self.requests = []
            self.issued = 0
            self.imds_tokens = set()

    def issue_keys(self, kind):
        """New temporary keys, accepted from now on."""
        with self.lock:
            self.issued += 1
            key_id = f"ASIAMOCK{kind.upper()}{self.issued:04d}"
            keys = {"secret": f"issued/{kind}/secret/{self.issued}",
                    "token": f"issued-{kind}-token-{self.issued}"}
            self.config["keys"][key_id] = keys
            return key_id, keys


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mock-aws"
    sys_version = ""

    def log_message(self, *args):  # quiet: tests read /_mock/requests instead
        pass

    # -- plumbing --

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def lower_headers(self):
        # Repeated headers are joined with commas, as SigV4 canonicalization expects.
        out = {}
        for name, value in self.headers.items():
            name = name.lower()
            out[name] = out[name] + "," + value.strip() if name in out else value.strip()
        return out

    def answer(self, status, body, content_type="text/xml", extra=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", self.request_id)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def record(self, **entry):
        state = self.server.state
        entry.setdefault("method", self.command)
        entry.setdefault("path", self.path)
        entry["request_id"] = self.request_id
        with state.lock:
            state.requests.append(entry)

    def fault(self, name):
        state = self.server.state
        with state.lock:
            return state.config["faults"].get(name)

    def stall_if(self, fault):
        """A stalled answer: recorded first (so a test can count it), then nothing for a while."""
        if fault == "Stall":
            with self.server.state.lock:
                stall = self.server.state.config["stall_seconds"]
            time.sleep(stall)

    def query_error(self, status, code, message, namespace=REDSHIFT_NS):
        self.answer(status, f'<ErrorResponse xmlns="{namespace}"><Error><Type>Sender</Type>'
                            f"<Code>{xml_escape(code)}</Code><Message>{xml_escape(message)}"
                            f"</Message></Error><RequestId>{self.request_id}</RequestId>"
                            "</ErrorResponse>")

    def json_error(self, status, code, message):
        body = json.dumps({"__type": f"com.amazonaws.redshiftserverless#{code}",
                           "message": message})
        self.answer(status, body, "application/x-amz-json-1.1", {"x-amzn-ErrorType": code})

    # -- HTTP methods --

    def do_GET(self):
        self.dispatch()

    def do_PUT(self):
        self.dispatch()

    def do_POST(self):
        self.dispatch()

    def dispatch(self):
        self.request_id = str(uuid.uuid4())
        body = self.read_body()
        path = self.path.split("?")[0]
        try:
            if path.startswith("/_mock/"):
                self.control(path, body)
            elif path.startswith("/latest/"):
                self.imds(path)
            elif path.startswith("/ecs/"):
                self.ecs()
            elif self.command == "POST":
                self.aws_call(body)
            else:
                self.answer(404, "not found", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def control(self, path, body):
        state = self.server.state
        if path == "/_mock/count":
            wanted = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("action")
            with state.lock:
                count = sum(1 for r in state.requests if not wanted or r["action"] in wanted)
            self.answer(200, str(count), "text/plain")
        elif path == "/_mock/requests":
            with state.lock:
                data = json.dumps(state.requests)
            self.answer(200, data, "application/json")
        elif path == "/_mock/reset" and self.command == "POST":
            state.reset()
            self.answer(200, "{}", "application/json")
        elif path == "/_mock/config" and self.command == "POST":
            update = json.loads(body or b"{}")
            with state.lock:
                for key, value in update.items():
                    if key == "keys":
                        state.config["keys"].update(value)
                    else:
                        state.config[key] = value
            self.answer(200, "{}", "application/json")
        else:
            self.answer(404, "unknown control path", "text/plain")

    # -- the AWS APIs --

    def aws_call(self, body):
        headers = self.lower_headers()
        state = self.server.state
        target = headers.get("x-amz-target", "")
        content_type = headers.get("content-type", "")
        if target:
            self.serverless(headers, body, target)
            return
        if not content_type.startswith("application/x-www-form-urlencoded"):
            self.record(action="?", status=400)
            self.query_error(400, "InvalidParameterValue", "expected a form body")
            return
        form = dict(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True))
        action = form.get("Action", "")
        sts = action in ("AssumeRole", "AssumeRoleWithWebIdentity")
        namespace = STS_NS if sts else REDSHIFT_NS
        version = "2011-06-15" if sts else "2012-12-01"
        if action not in ("GetClusterCredentials", "GetClusterCredentialsWithIAM", "AssumeRole",
                          "AssumeRoleWithWebIdentity"):
            self.record(action=action, status=400)
            self.query_error(400, "InvalidAction", f"Could not find operation {action}", namespace)
            return
        if form.get("Version") != version:
            self.record(action=action, status=400)
            self.query_error(400, "InvalidParameterValue", f"Version must be {version}",
                             namespace)
            return
        key_id = None
        if action != "AssumeRoleWithWebIdentity":  # the only unsigned call
            with state.lock:
                keys = dict(state.config["keys"])
                max_skew = state.config["max_skew_seconds"]
                region = state.config["region"]
            try:
                key_id, _ = verify_sigv4(self.command, self.path, headers, body, keys,
                                         "sts" if sts else "redshift", region, max_skew)
            except SignatureProblem as problem:
                self.record(action=action, status=problem.status, error=problem.code)
                self.query_error(problem.status, problem.code, problem.message, namespace)
                return
        fault = self.fault(action)
        self.record(action=action, key=key_id, form=form, fault=fault)
        self.stall_if(fault)
        if self.query_fault(fault, namespace, form):
            return
        if sts:
            self.sts_answer(action, form, namespace, fault)
        else:
            self.cluster_credentials(action, form, fault)

    def query_fault(self, fault, namespace, form):
        errors = {
            "ClusterNotFound": (404, f"Cluster {form.get('ClusterIdentifier', '')} not found."),
            "InvalidClientTokenId": (403, "The security token included in the request is "
                                          "invalid."),
            "SignatureDoesNotMatch": (403, "The request signature we calculated does not match "
                                           "the signature you provided."),
            "ExpiredToken": (403, "The security token included in the request is expired"),
            "AccessDenied": (403, "User: arn:aws:iam::123456789012:user/mock is not authorized "
                                  "to perform: redshift:GetClusterCredentials"),
            "Throttling": (400, "Rate exceeded"),
            "InvalidIdentityToken": (400, "Couldn't retrieve verification key from your identity "
                                          "provider"),
        }
        if fault in errors:
            status, message = errors[fault]
            self.query_error(status, fault, message, namespace)
            return True
        if fault == "InternalError":
            self.answer(500, "<html>Internal Server Error</html>", "text/html")
            return True
        return False

    def cluster_credentials(self, action, form, fault):
        state = self.server.state
        with state.lock:
            config = dict(state.config)
        cluster = form.get("ClusterIdentifier", "")
        if config["clusters"] is not None and cluster not in config["clusters"]:
            self.query_error(404, "ClusterNotFound", f"Cluster {cluster} not found.")
            return
        if action == "GetClusterCredentials":
            if not form.get("DbUser"):
                self.query_error(400, "InvalidParameterValue", "DbUser is required")
                return
            if form.get("AutoCreate", "false") not in ("true", "false"):
                self.query_error(400, "InvalidParameterValue", "AutoCreate must be true|false")
                return
            prefix = "IAMA:" if form.get("AutoCreate") == "true" else "IAM:"
            user = config["db_user"] or prefix + form["DbUser"]
            wrapper = "GetClusterCredentialsResult"
        else:
            user = config["db_user"] or "IAM:" + config["identity"]
            wrapper = "GetClusterCredentialsWithIAMResult"
        expires = iso8601(time.time() + config["expires_in"])
        answer = (f'<{action}Response xmlns="{REDSHIFT_NS}"><{wrapper}>'
                  f"<DbUser>{xml_escape(user)}</DbUser>"
                  f"<DbPassword>{xml_escape(config['db_password'])}</DbPassword>"
                  f"<Expiration>{expires}</Expiration>"
                  f"</{wrapper}><ResponseMetadata><RequestId>{self.request_id}</RequestId>"
                  f"</ResponseMetadata></{action}Response>")
        if fault == "Truncated":
            answer = answer[: len(answer) // 2]
        self.answer(200, answer)

    def sts_answer(self, action, form, namespace, fault):
        state = self.server.state
        if action == "AssumeRoleWithWebIdentity":
            with state.lock:
                expected = state.config["web_identity_token"]
            if form.get("WebIdentityToken") != expected:
                self.query_error(400, "InvalidIdentityToken", "The web identity token that was "
                                 "passed could not be validated by AWS.", namespace)
                return
        if not form.get("RoleArn", "").startswith("arn:aws"):
            self.query_error(400, "ValidationError", "RoleArn is not an ARN", namespace)
            return
        key_id, keys = state.issue_keys("sts")
        answer = (f'<{action}Response xmlns="{namespace}"><{action}Result><Credentials>'
                  f"<AccessKeyId>{key_id}</AccessKeyId>"
                  f"<SecretAccessKey>{xml_escape(keys['secret'])}</SecretAccessKey>"
                  f"<SessionToken>{xml_escape(keys['token'])}</SessionToken>"
                  f"<Expiration>{iso8601(time.time() + 3600)}</Expiration></Credentials>"
                  f"<AssumedRoleUser><Arn>{xml_escape(form['RoleArn'])}/"
                  f"{xml_escape(form.get('RoleSessionName', ''))}</Arn></AssumedRoleUser>"
                  f"</{action}Result><ResponseMetadata><RequestId>{self.request_id}"
                  f"</RequestId></ResponseMetadata></{action}Response>")
        if fault == "Truncated":
            answer = answer[: len(answer) // 2]
        self.answer(200, answer)

    def serverless(self, headers, body, target):
        state = self.server.state
        action = target.rpartition(".")[2]
        if target != "RedshiftServerless.GetCredentials":
            self.record(action=action, status=400)
            self.json_error(400, "UnknownOperationException", f"unknown target {target}")
            return
        if not headers.get("content-type", "").startswith("application/x-amz-json-1.1"):
            self.record(action=action, status=400)
            self.json_error(400, "ValidationException", "expected application/x-amz-json-1.1")
            return
        with state.lock:
            keys = dict(state.config["keys"])
            config = dict(state.config)
        try:
            key_id, _ = verify_sigv4(self.command, self.path, headers, body, keys,
                                     "redshift-serverless", config["region"],
                                     config["max_skew_seconds"])
        except SignatureProblem as problem:
            code = {"InvalidClientTokenId": "UnrecognizedClientException",
                    "SignatureDoesNotMatch": "InvalidSignatureException"}.get(problem.code,
                                                                               problem.code)
            self.record(action=action, status=problem.status, error=code)
            self.json_error(problem.status, code, problem.message)
            return
        try:
            request = json.loads(body)
        except ValueError:
            request = None
        if not isinstance(request, dict) or not (request.get("workgroupName")
                                                 or request.get("customDomainName")):
            self.record(action=action, status=400, key=key_id)
            self.json_error(400, "ValidationException", "workgroupName is required")
            return
        fault = self.fault(action)
        self.record(action=action, status=200, key=key_id, form=request, fault=fault)
        self.stall_if(fault)
        workgroup = request.get("workgroupName", "")
        json_faults = {
            "ResourceNotFound": (400, "ResourceNotFoundException", f"Workgroup {workgroup} not "
                                                                   "found"),
            "AccessDenied": (400, "AccessDeniedException", "not authorized to perform "
                                                           "redshift-serverless:GetCredentials"),
            "ExpiredToken": (400, "ExpiredTokenException", "The security token included in the "
                                                           "request is expired"),
            "Throttling": (400, "ThrottlingException", "Rate exceeded"),
        }
        if config["workgroups"] is not None and workgroup not in config["workgroups"]:
            fault = "ResourceNotFound"
        if fault in json_faults:
            status, code, message = json_faults[fault]
            self.json_error(status, code, message)
            return
        if fault == "InternalError":
            self.answer(500, "", "application/x-amz-json-1.1")
            return
        answer = json.dumps({"dbUser": config["db_user"] or "IAMR:" + config["identity"],
                             "dbPassword": config["db_password"],
                             "expiration": time.time() + config["expires_in"],
                             "nextRefreshTime": time.time() + config["expires_in"] / 2})
        if fault == "Truncated":
            answer = answer[: len(answer) // 2]
        self.answer(200, answer, "application/x-amz-json-1.1")

    # -- container and instance metadata --

    def ecs(self):
        state = self.server.state
        with state.lock:
            required = state.config["ecs_token"]
        fault = self.fault("ecs")
        if required is not None and self.headers.get("Authorization") != required:
            self.record(action="ecs", status=401)
            self.answer(401, '{"message":"unauthorized"}', "application/json")
            return
        self.record(action="ecs", status=200, fault=fault)
        self.stall_if(fault)
        if fault == "InternalError":
            self.answer(500, "", "application/json")
            return
        key_id, keys = state.issue_keys("ecs")
        self.answer(200, json.dumps({"AccessKeyId": key_id, "SecretAccessKey": keys["secret"],
                                     "Token": keys["token"],
                                     "Expiration": iso8601(time.time() + 3600),
                                     "RoleArn": "arn:aws:iam::123456789012:role/mock-task"}),
                    "application/json")

    def imds(self, path):
        state = self.server.state
        if path == "/latest/api/token":
            ttl = self.headers.get("X-aws-ec2-metadata-token-ttl-seconds")
            if self.command != "PUT" or not ttl or not ttl.isdigit():
                self.record(action="imds-token", status=400)
                self.answer(400 if self.command == "PUT" else 405, "", "text/plain")
                return
            fault = self.fault("imds")
            token = "imds-token-" + uuid.uuid4().hex
            with state.lock:
                state.imds_tokens.add(token)
            self.record(action="imds-token", status=200, fault=fault)
            self.stall_if(fault)
            self.answer(200, token, "text/plain")
            return
        with state.lock:
            known = self.headers.get("X-aws-ec2-metadata-token") in state.imds_tokens
            role = state.config["imds_role"]
        if self.command != "GET" or not known:
            self.record(action="imds", status=401)
            self.answer(401, "", "text/plain")
            return
        prefix = "/latest/meta-data/iam/security-credentials/"
        if path == prefix:
            self.record(action="imds-role", status=200)
            self.answer(200 if role else 404, role or "", "text/plain")
        elif path == prefix + (role or "\0"):
            key_id, keys = state.issue_keys("imds")
            self.record(action="imds-credentials", status=200)
            self.answer(200, json.dumps({"Code": "Success", "Type": "AWS-HMAC",
                                         "LastUpdated": iso8601(time.time()),
                                         "AccessKeyId": key_id, "SecretAccessKey": keys["secret"],
                                         "Token": keys["token"],
                                         "Expiration": iso8601(time.time() + 3600)}),
                        "text/plain")
        else:
            self.record(action="imds", status=404)
            self.answer(404, "", "text/plain")


def self_test():
    """The mock's verifier against the two Redshift vectors of shared/IAM.md §4.2 (botocore's
    signatures), and a changed body or secret refused: the oracle is checked before it judges."""
    keys = {"AKIDEXAMPLE": {"secret": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token": None}}
    cluster_body = (b"Action=GetClusterCredentials&Version=2012-12-01&DbUser=alice&DbName=dev&"
                    b"ClusterIdentifier=examplecluster&DurationSeconds=900&AutoCreate=false&"
                    b"DbGroups.DbGroup.1=analysts&DbGroups.DbGroup.2=etl%2Bops")
    cluster_headers = {
        "host": "redshift.us-west-2.amazonaws.com",
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        "x-amz-date": "20150830T123600Z", "user-agent": "not signed",
        "authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/redshift/"
                         "aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="
                         "dc282588467e511c70c1723e9cbafabb545b9df26a2c3e00f905f1db4a705f3f"}
    token = "FQoGZXIvYXdzEXAMPLETOKEN"
    serverless_body = b'{"workgroupName": "default", "dbName": "dev", "durationSeconds": 900}'
    serverless_headers = {
        "host": "redshift-serverless.us-east-1.amazonaws.com",
        "x-amz-target": "RedshiftServerless.GetCredentials",
        "content-type": "application/x-amz-json-1.1", "x-amz-date": "20150830T123600Z",
        "x-amz-security-token": token,
        "authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                         "redshift-serverless/aws4_request, SignedHeaders=content-type;host;"
                         "x-amz-date;x-amz-security-token;x-amz-target, Signature="
                         "b9caf8157de9f50ce0f61e510a47741459d6827816ecd57845d74b72c199e138"}
    forever = 1e12
    failures = []
    verify_sigv4("POST", "/", cluster_headers, cluster_body, keys, "redshift", "us-west-2",
                 forever)
    with_token = {"AKIDEXAMPLE": dict(keys["AKIDEXAMPLE"], token=token)}
    verify_sigv4("POST", "/", serverless_headers, serverless_body, with_token,
                 "redshift-serverless", None, forever)
    wrong_secret = {"AKIDEXAMPLE": {"secret": "x", "token": None}}
    for name, call in [
            ("changed body", lambda: verify_sigv4("POST", "/", cluster_headers, cluster_body + b"&",
                                                  keys, "redshift", None, forever)),
            ("wrong secret", lambda: verify_sigv4("POST", "/", cluster_headers, cluster_body,
                                                  wrong_secret, "redshift", None, forever)),
            ("wrong service", lambda: verify_sigv4("POST", "/", cluster_headers, cluster_body,
                                                   keys, "sts", None, forever)),
            ("token not configured", lambda: verify_sigv4(
                "POST", "/", serverless_headers, serverless_body, keys, "redshift-serverless",
                None, forever)),
            ("skew", lambda: verify_sigv4("POST", "/", cluster_headers, cluster_body, keys,
                                          "redshift", None, 300))]:
        try:
            call()
            failures.append(name + " accepted")
        except SignatureProblem:
            pass
    for failure in failures:
        print("mock_aws self-test: " + failure, file=sys.stderr)
    if not failures:
        print("mock_aws self-test: 2 vectors verified, 5 tampered requests refused")
    return 1 if failures else 0


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a stalled answer never keeps the process alive


def control(port, method, path, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body)
    response = connection.getresponse()
    sys.stdout.write(response.read().decode())
    return 0 if response.status == 200 else 1


def main():
    parser = argparse.ArgumentParser(description="mock AWS endpoints for the IAM tests")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--config", default="{}", help="JSON merged into the defaults")
    parser.add_argument("--control", nargs="+", metavar="ARG",
                        help="PORT METHOD PATH [BODY]: talk to a running mock")
    parser.add_argument("--self-test", action="store_true",
                        help="check the verifier against the shared/IAM.md 4.2 vectors")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if args.control:
        port, method, path, *rest = args.control
        return control(int(port), method, path, rest[0] if rest else None)
    server = Server(("127.0.0.1", args.port), Handler)
    server.state = State(json.loads(args.config))
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
