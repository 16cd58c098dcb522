/** End-of-life dates of Python releases (upstream EOL, as published): shared by the image and workflow rules. */
export const PYTHON_EOL: Readonly<Record<string, string>> = {
  '2': '2020-01',
  '3.0': '2009-06',
  '3.1': '2012-04',
  '3.2': '2016-02',
  '3.3': '2017-09',
  '3.4': '2019-03',
  '3.5': '2020-09',
  '3.6': '2021-12',
  '3.7': '2023-06',
  '3.8': '2024-10',
  '3.9': '2025-10',
};
