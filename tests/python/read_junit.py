"""Reads a JUnit XML report with junitparser and prints what a CI server would see.

usage: python read_junit.py REPORT.xml
Prints one line per suite ("suite<TAB>name<TAB>tests<TAB>failures<TAB>errors") and one per
case ("case<TAB>suite<TAB>name<TAB>passed|failure|error<TAB>message").
"""
import sys

from junitparser import Error, Failure, JUnitXml


def main() -> None:
    xml = JUnitXml.fromfile(sys.argv[1])
    for suite in xml:
        print(f"suite\t{suite.name}\t{suite.tests}\t{suite.failures}\t{suite.errors}")
        for case in suite:
            verdict, message = "passed", ""
            for result in case.result:
                if isinstance(result, Failure):
                    verdict, message = "failure", result.message or ""
                elif isinstance(result, Error):
                    verdict, message = "error", result.message or ""
            print(f"case\t{suite.name}\t{case.name}\t{verdict}\t{message}")


if __name__ == "__main__":
    main()
