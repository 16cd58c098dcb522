#!/bin/bash
/usr/bin/tail -f /dev/null
