"""Signs EC2 requests with keystoneclient's Ec2Signer: reads a JSON list of
{"secret": ..., "credentials": {...}} from standard input, writes the signatures as a JSON list."""
import json
import sys

from keystoneclient.contrib.ec2.utils import Ec2Signer

requests = json.load(sys.stdin)
json.dump([Ec2Signer(r["secret"]).generate(r["credentials"]) for r in requests], sys.stdout)
