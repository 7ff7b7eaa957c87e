{
  "targets": [
    {
      "target_name": "jieba",
      "sources": ["jieba.cc"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags": ["-DLOGGING_LEVEL=LL_WARNING"],
      "defines": ["NAPI_CPP_EXCEPTIONS", "NAPI_VERSION=8"],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<!(node -p \"require('path').join(require('path').dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/include')\")",
        "<!(node -p \"require('path').join(require('path').dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/deps/limonp/include')\")"
      ],
      "xcode_settings": { "GCC_ENABLE_CPP_EXCEPTIONS": "YES" }
    }
  ]
}
